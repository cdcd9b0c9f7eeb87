import { resolveMongo, type ResolvedMongo } from '@shop/db/mongo';
import { waitFor } from '@shop/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { request } from './support/http';
import { startTestHost, stopTestHosts } from './support/test-host';

// This file stops its database, so it starts one of its own instead of the shared test server.
let mongo: ResolvedMongo;
let host: CellHost;
const sharedUri = process.env.MONGODB_URI;

beforeAll(async () => {
  // With MONGODB_URI set, resolveMongo would hand back the shared server (which it never stops).
  delete process.env.MONGODB_URI;
  mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'silent' }) });
  process.env.MONGODB_URI = mongo.uri;
  host = await startTestHost(['product', 'search']);
});
afterAll(async () => {
  await stopTestHosts(host);
  await mongo.stop().catch(() => undefined);
  process.env.MONGODB_URI = sharedUri;
});

it('/readyz turns 503 and names the database once MongoDB stops, while /healthz stays 200', async () => {
  // 503 while the search index is still being built (on a loaded machine that outlasts start).
  await waitFor(
    async () => ((await request(`${host.url}/readyz`)).status === 200 ? true : undefined),
    {
      what: '/readyz to answer 200',
      timeoutMs: 30_000,
      intervalMs: 200,
    },
  );

  await mongo.stop();

  const readiness = await request(`${host.url}/readyz`);
  expect(readiness.status).toBe(503);
  expect(readiness.json).toMatchObject({
    ready: false,
    // Search reads products_db too, so it may be named as well.
    failed: expect.arrayContaining([
      {
        cell: 'product',
        dependency: expect.stringContaining('products_db'),
        error: expect.any(String),
      },
    ]),
  });
  expect((await request(`${host.url}/healthz`)).status).toBe(200);
});
