import { connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { sameOriginJson, startAppEdge } from './support/app-edge';
import { request } from './support/http';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;
const guestNumber = 'SO-7KQ4-M2XH';
const guestEmail = 'guest-buyer@example.com';

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['order']);
  // A guest's order (no account) beside the demo shopper's account orders: a copy of SO-100002.
  const { Order } = orderModels(await connectDomainDatabase('order'));
  const demo = await Order.findOne({ number: 'SO-100002' }).lean();
  expect(demo?.accountId, 'the demo orders belong to the shopper account').toBeTruthy();
  await Order.create({
    ...demo,
    _id: new Types.ObjectId(),
    accountId: undefined,
    createdAt: undefined,
    updatedAt: undefined,
    number: guestNumber,
    idempotencyKey: `guest:${guestNumber}`,
    customer: { name: 'Gus Guest', email: guestEmail },
  });
});
afterAll(() => stopTestHosts(host));

/** `order.lookup` as the storefront's server action sends it, from one browser address. */
const lookup = (from: string, email: string, number = guestNumber) =>
  request(`${host.url}/trpc/order.lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ number, email }),
  });

it('stops one address walking order numbers after 10 failed lookups; others are unaffected', async () => {
  const walker = '198.51.100.7';
  for (let attempt = 0; attempt < 10; attempt += 1) {
    expect((await lookup(walker, `guess-${attempt}@example.com`)).status).toBe(404);
  }
  const refused = await lookup(walker, 'guess-10@example.com');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(refused.text).toMatch(/Too many order lookups/);
  // Even the right pair waits: the address is refused, not the guess.
  expect((await lookup(walker, guestEmail)).status).toBe(429);

  const owner = await lookup('203.0.113.20', guestEmail);
  expect(owner.status).toBe(200);
  expect(owner.json).toMatchObject({ result: { data: { orderId: expect.any(String) } } });
  // As read out on the phone: lower case, a space for the dash, no `SO-`.
  expect((await lookup('203.0.113.20', guestEmail, '7kq4 m2xh')).status).toBe(200);
});

it("never finds an account's order: the right number and email answer exactly as a wrong email", async () => {
  const from = '203.0.113.30';
  // The demo shopper's own order, with their own email: before, this handed out a token that read
  // and cancelled it without signing in.
  const account = await lookup(from, 'shopper@example.com', 'SO-100002');
  const wrong = await lookup(from, 'someone-else@example.com', 'SO-100002');
  expect(account.status).toBe(404);
  expect(account.text).toBe(wrong.text);
  expect(account.text).not.toMatch(/accessToken/);
});

it('a rotating X-Forwarded-For through the storefront does not reset the walker’s count', async () => {
  // The order cell as production runs it (behind the internal credential), reached through an
  // app's edge: the production entry and the gateway.
  const cellCredential = 'lookup-throttle-test-credential-0123456789';
  const guarded = await startTestHost(['order'], { cellCredential });
  const edge = await startAppEdge({ cellUrl: guarded.url, cellCredential });
  try {
    const lookupThroughApp = (forgedAddress: string, email: string) =>
      request(`${edge.url}/api/cells/order/order.lookup`, {
        method: 'POST',
        headers: { ...sameOriginJson, 'x-forwarded-for': forgedAddress },
        body: JSON.stringify({ number: 'SO-100001', email }),
      });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const answer = await lookupThroughApp(`192.0.2.${attempt}`, `walk-${attempt}@example.com`);
      expect(answer.status).toBe(404);
    }
    const refused = await lookupThroughApp('192.0.2.99', 'walk-10@example.com');
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Too many order lookups/);

    // Straight to the guarded cell, without the credential, nothing is looked up at all.
    const direct = await request(`${guarded.url}/trpc/order.lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.78' },
      body: JSON.stringify({ number: 'SO-100001', email: 'shopper@example.com' }),
    });
    expect(direct.status).toBe(401);
  } finally {
    await edge.stop();
    await guarded.close();
  }
});

it("through the storefront's edge too, an account's order answers a lookup as a wrong email does", async () => {
  // Every call through the edge comes from this machine, which the test before used up: start
  // this address's count afresh.
  const { OrderLookupFailure } = orderModels(await connectDomainDatabase('order'));
  await OrderLookupFailure.deleteMany({});
  const cellCredential = 'lookup-account-test-credential-0123456789';
  const guarded = await startTestHost(['order'], { cellCredential });
  const edge = await startAppEdge({ cellUrl: guarded.url, cellCredential });
  try {
    const lookupThroughApp = (email: string) =>
      request(`${edge.url}/api/cells/order/order.lookup`, {
        method: 'POST',
        headers: sameOriginJson,
        body: JSON.stringify({ number: 'SO-100002', email }),
      });
    const account = await lookupThroughApp('shopper@example.com');
    const wrong = await lookupThroughApp('nobody-here@example.com');
    expect(account.status).toBe(404);
    expect(wrong.status).toBe(404);
    // The same body but for the request id the gateway adds.
    const withoutRequestId = (text: string) => text.replace(/"requestId":"[^"]*"/g, '');
    expect(withoutRequestId(account.text)).toBe(withoutRequestId(wrong.text));
  } finally {
    await edge.stop();
    await guarded.close();
  }
});
