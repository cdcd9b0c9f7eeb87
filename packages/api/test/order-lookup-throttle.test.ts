import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { request } from './support/http';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['order']);
});
afterAll(() => stopTestHosts(host));

/** `order.lookup` as the storefront's server action sends it, from one browser address. */
const lookup = (from: string, email: string) =>
  request(`${host.url}/trpc/order.lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ number: 'SO-100001', email }),
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
  expect((await lookup(walker, 'shopper@example.com')).status).toBe(429);

  const owner = await lookup('203.0.113.20', 'shopper@example.com');
  expect(owner.status).toBe(200);
  expect(owner.json).toMatchObject({ result: { data: { orderId: expect.any(String) } } });
});
