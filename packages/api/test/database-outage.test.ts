import { startDatabaseGate, waitFor, type DatabaseGate } from '@shop/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callCell, createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { newCartToken } from './support/cart-calls';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * The database becomes unreachable for real: the host reaches it through a TCP gate that drops
 * every connection and refuses new ones (as a network partition does), while the data stays.
 * Every cell's procedures then answer 503 SERVICE_UNAVAILABLE with Retry-After, quickly and
 * without piling up, and serve again once the gate reopens.
 */
let gate: DatabaseGate;
let host: CellHost;
const realUri = process.env.MONGODB_URI!;
const cartToken = newCartToken();

beforeAll(async () => {
  await seededTestDatabases();
  gate = await startDatabaseGate(realUri);
  process.env.MONGODB_URI = gate.uri;
  // Every listing reaches the database (no in-process cache to answer from).
  process.env.PRODUCT_LISTING_CACHE_MS = '0';
  host = await startTestHost(['product', 'order']);
}, 120_000);
afterAll(async () => {
  gate?.reopen();
  await stopTestHosts(host);
  await gate?.close();
  process.env.MONGODB_URI = realUri;
  delete process.env.PRODUCT_LISTING_CACHE_MS;
});

interface Answer {
  status: number;
  retryAfter: string | null;
  text: string;
  ms: number;
}

/** A query through the host's fast path (GET) or a mutation through tRPC's own handler (POST). */
async function call(kind: 'categoryTree' | 'cart' | 'removeDiscount'): Promise<Answer> {
  const started = performance.now();
  const response =
    kind === 'removeDiscount'
      ? await fetch(`${host.url}/trpc/order.removeDiscount`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-cart-token': cartToken },
          body: '{}',
        })
      : await fetch(`${host.url}/trpc/${kind === 'cart' ? 'order.cart' : 'product.categoryTree'}`, {
          headers: { 'x-cart-token': cartToken },
        });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    text: await response.text(),
    ms: performance.now() - started,
  };
}

const kinds = ['categoryTree', 'cart', 'removeDiscount'] as const;

it('answers 503 with Retry-After while the database is unreachable, then serves again', async () => {
  const before = await call('categoryTree');
  expect(before.status, before.text).toBe(200);

  gate.cut();
  // Ten callers at once, as a busy storefront would send: each gets its 503 (the driver gives up
  // selecting a server after 5 s), none waits on the others. The bound is generous for a loaded
  // machine; a pile-up (requests queued behind the outage) would take far longer.
  const during = await Promise.all(
    Array.from({ length: 10 }, (_, i) => call(kinds[i % kinds.length]!)),
  );
  for (const answer of during) {
    expect(answer.status, answer.text).toBe(503);
    expect(answer.retryAfter).toBe('5');
    const body = JSON.parse(answer.text) as { error: { message: string; data: unknown } };
    expect(body.error.message).toMatch(/database is unreachable/);
    expect(body.error.data).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      httpStatus: 503,
      retryAfterSeconds: 5,
    });
    expect(answer.text).not.toMatch(/Mongo|\n\s+at |node_modules/);
    expect(answer.ms).toBeLessThan(20_000);
  }

  // What a storefront page gets: "unavailable", which it shows as its "taking a break" notice
  // (the same as for a cell that is down), not "failed".
  const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
  expect(
    await callCell(({ signal }) => client.product.categoryTree.query(undefined, { signal }), {
      timeoutMs: 20_000,
    }),
  ).toEqual({ ok: false, failure: 'unavailable' });

  gate.reopen();
  await waitFor(async () => (await call('categoryTree')).status === 200, {
    what: 'product.categoryTree answering 200 once the database is back',
    timeoutMs: 60_000,
    intervalMs: 500,
  });
  expect((await call('cart')).status).toBe(200);
}, 120_000);
