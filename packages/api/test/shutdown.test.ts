import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { createCellClient } from '../src/client';
import { holdingProxy, type HoldingProxy } from '@shop/db/testing';
import { spawnHost, waitForLog, type SpawnedHost } from './support/spawn-host';

/**
 * The host under test reaches its database through a proxy that can hold the database's answers
 * back, so a `product.list` is still in flight when SIGTERM arrives, for as long as the test
 * wants: a real slow path, no test-only procedure in the shipped code, no guessed delays.
 */
let database: HoldingProxy;
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
  database = await holdingProxy(process.env.MONGODB_URI!);
  host = await spawnHost(hostEnv());
});
afterAll(async () => {
  await host?.stop('SIGKILL');
  await database?.close();
});

// The host binds each cell's models and waits for their index work before it listens
// (cells/domain-database.ts). Before that, the first request bound them and the held database
// stalled that work, so the second listing's `find` never reached the database and this hung.
it('on SIGTERM finishes the in-flight request, refuses new connections and exits 0', async () => {
  const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
  await client.product.list.query({}); // connected while the database still answers
  database.hold();
  // Never leave the database held for a retry or the next test, whatever happens below.
  onTestFinished(() => database.release());
  // The listing's own query: a `find` on products (BSON `find: "products"`), not any command
  // naming the collection (a cursor's `getMore` from the cell's start-up reads names it too, and
  // matching that let SIGTERM arrive before this request had reached the host).
  const listing = database.commandSeen('find\u0000\u0009\u0000\u0000\u0000products');
  let answered = false;
  const inFlight = client.product.list.query({}).finally(() => (answered = true));
  await listing; // the request reached the host, and its query the database

  host.process.kill('SIGTERM');
  await waitForLog(host, (line) => line.message === 'draining');
  await expect(fetch(`${host.url}/healthz`)).rejects.toThrow(); // no longer accepting
  expect(answered).toBe(false); // ...while the request is still in flight

  database.release();
  await expect(inFlight).resolves.toMatchObject({ page: 1 }); // it waited for the request...
  expect(await host.exited).toBe(0);
  const messages = host.logs.map((line) => line.message);
  expect(messages).toEqual(expect.arrayContaining(['draining', 'cell host closed']));
  // ...and exited once it was answered, not at the end of the 10 s grace period.
  expect(messages).not.toContain('grace period over: closing remaining connections');
}, 90_000); // a guard, not a bound: under the whole suite's load one attempt took over 30 s

it('stops at start when SHUTDOWN_GRACE_MS is not a number of milliseconds', async () => {
  // Before configuration was checked at start, "10s" silently meant the default; now the operator
  // hears about it before the host serves anything (config/host.ts).
  await expect(spawnHost(hostEnv({ SHUTDOWN_GRACE_MS: '10s' }))).rejects.toThrow(
    /exited with 1[\s\S]*SHUTDOWN_GRACE_MS: must be a whole number/,
  );
});
