import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { delayingProxy, type DelayingProxy } from './support/delaying-proxy';
import { spawnHost, type SpawnedHost } from './support/spawn-host';

/**
 * The host under test reaches its database through a proxy that can be told to answer slowly,
 * so a `product.list` is still in flight when SIGTERM arrives: a real slow path, no test-only
 * procedure in the shipped code.
 */
const slowDatabaseMs = 1_500;
let database: DelayingProxy;
let host: SpawnedHost;

function hostEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    CELLS: 'product',
    MONGODB_URI: database.uri,
    // Every listing reaches the database (no in-process listing cache).
    PRODUCT_LISTING_CACHE_MS: '0',
    // Events go nowhere quickly: the send fails and is logged, as when Inngest is down.
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: 'http://127.0.0.1:9',
    ...extra,
  };
}

beforeAll(async () => {
  database = await delayingProxy(process.env.MONGODB_URI!);
  host = await spawnHost(hostEnv());
});
afterAll(async () => {
  await host?.stop('SIGKILL');
  await database?.close();
});

it('on SIGTERM finishes the in-flight request, refuses new connections and exits 0', async () => {
  const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
  await client.product.list.query({}); // connected while the database is still quick
  database.setDelay(slowDatabaseMs);
  const inFlight = client.product.list.query({});
  await new Promise((resolve) => setTimeout(resolve, 300)); // the request has reached the host

  const startedAt = Date.now();
  host.process.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 200));
  await expect(fetch(`${host.url}/healthz`)).rejects.toThrow(); // no longer accepting

  await expect(inFlight).resolves.toMatchObject({ page: 1 });
  expect(await host.exited).toBe(0);
  const drainMs = Date.now() - startedAt;
  expect(drainMs).toBeGreaterThan(800); // it waited for the slow request...
  expect(drainMs).toBeLessThan(5_000); // ...but not for the 10 s grace period
  expect(host.logs.map((line) => line.msg)).toEqual(
    expect.arrayContaining(['draining', 'cell host closed']),
  );
});

it('keeps the default grace period when SHUTDOWN_GRACE_MS is not a number', async () => {
  database.setDelay(0);
  const misconfigured = await spawnHost(hostEnv({ SHUTDOWN_GRACE_MS: '10s' }));
  try {
    const client = createCellClient({ urlFor: () => `${misconfigured.url}/trpc` });
    await client.product.list.query({});
    database.setDelay(slowDatabaseMs);
    const inFlight = client.product.list.query({});
    await new Promise((resolve) => setTimeout(resolve, 300));
    misconfigured.process.kill('SIGTERM');
    await expect(inFlight).resolves.toMatchObject({ page: 1 });
    expect(await misconfigured.exited).toBe(0);
  } finally {
    await misconfigured.stop('SIGKILL');
  }
});
