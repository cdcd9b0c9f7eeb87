import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { spawnHost, type SpawnedHost } from './support/spawn-host';

/**
 * A stand-in product cell that takes `delayMs` to answer `product.list`, so a search request on
 * the host under test is still in flight when SIGTERM arrives: a real slow path, no test-only
 * procedure in the shipped code.
 */
function slowProductCell(delayMs: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    setTimeout(() => {
      const calls = (req.url ?? '').split('?')[0]!.replace('/trpc/', '').split(',');
      const page = { items: [], totalCount: 0, page: 1, hasMore: false };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(calls.map(() => ({ result: { data: page } }))));
    }, delayMs);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

let product: { url: string; server: Server };
let host: SpawnedHost;

beforeAll(async () => {
  product = await slowProductCell(1_500);
  host = await spawnHost({
    CELLS: 'search',
    PRODUCT_CELL_URL: product.url,
    // Events go nowhere quickly: the send fails and is logged, as when Inngest is down.
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: 'http://127.0.0.1:9',
  });
});
afterAll(async () => {
  await host?.stop('SIGKILL');
  product?.server.close();
});

it('on SIGTERM finishes the in-flight request, refuses new connections and exits 0', async () => {
  const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
  const inFlight = client.search.query.query({ q: 'lamp' });
  await new Promise((resolve) => setTimeout(resolve, 300)); // the request has reached the host

  const startedAt = Date.now();
  host.process.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 200));
  await expect(fetch(`${host.url}/healthz`)).rejects.toThrow(); // no longer accepting

  await expect(inFlight).resolves.toMatchObject({ results: [], totalCount: 0 });
  expect(await host.exited).toBe(0);
  const drainMs = Date.now() - startedAt;
  expect(drainMs).toBeGreaterThan(800); // it waited for the slow request...
  expect(drainMs).toBeLessThan(5_000); // ...but not for the 10 s grace period
  expect(host.logs.map((line) => line.msg)).toEqual(
    expect.arrayContaining(['draining', 'cell host closed']),
  );
});

it('keeps the default grace period when SHUTDOWN_GRACE_MS is not a number', async () => {
  const misconfigured = await spawnHost({
    CELLS: 'search',
    PRODUCT_CELL_URL: product.url,
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: 'http://127.0.0.1:9',
    SHUTDOWN_GRACE_MS: '10s',
  });
  try {
    const client = createCellClient({ urlFor: () => `${misconfigured.url}/trpc` });
    const inFlight = client.search.query.query({ q: 'lamp' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    misconfigured.process.kill('SIGTERM');
    await expect(inFlight).resolves.toMatchObject({ results: [], totalCount: 0 });
    expect(await misconfigured.exited).toBe(0);
  } finally {
    await misconfigured.stop('SIGKILL');
  }
});
