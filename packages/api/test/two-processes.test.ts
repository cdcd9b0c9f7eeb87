import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { spawnHost, waitForLog, type SpawnedHost } from './support/spawn-host';
import { seedFileDatabases } from './support/seed-file-databases';

let productHost: SpawnedHost;
let searchHost: SpawnedHost;

beforeAll(async () => {
  await seedFileDatabases(); // the child processes inherit the prefix through MONGODB_DB_PREFIX
  const noInngest = { INNGEST_DEV: '1', INNGEST_BASE_URL: 'http://127.0.0.1:9' };
  productHost = await spawnHost({ CELLS: 'product', ...noInngest });
  searchHost = await spawnHost({
    CELLS: 'search',
    PRODUCT_CELL_URL: productHost.url,
    ...noInngest,
  });
});
afterAll(async () => {
  await Promise.all([productHost?.stop(), searchHost?.stop()]);
});

it('search in one process finds products served by the product cell in another', async () => {
  const requestId = `two-processes-${Date.now()}`;
  const client = createCellClient({
    urlFor: (domain) => `${domain === 'search' ? searchHost.url : productHost.url}/trpc`,
    headers: () => ({ 'x-request-id': requestId }),
  });

  const { items } = await client.product.list.query({ pageSize: 48 });
  const target = items[0]!;
  const found = await client.search.query.query({ q: target.name });
  expect(found.results.map((result) => result.slug)).toContain(target.slug);

  // One request id, seen by both processes: the search host's request and the product host's.
  const logged = (host: SpawnedHost, urlPrefix: string) =>
    waitForLog(
      host,
      // Fields of a log call other than the standard ones sit under `metadata` (@shop/telemetry).
      (line) =>
        line.requestId === requestId &&
        String((line.metadata as { url?: unknown } | undefined)?.url).startsWith(urlPrefix),
    );
  expect(await logged(searchHost, '/trpc/search.query')).toBeDefined();
  expect(await logged(productHost, '/trpc/product.list')).toBeDefined();
});

it('the search host does not serve the product cell itself', async () => {
  const response = await fetch(`${searchHost.url}/trpc/product.status`);
  expect(response.status).toBe(404);
});
