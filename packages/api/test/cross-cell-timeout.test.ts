import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnHost, type SpawnedHost } from './support/spawn-host';

// A product cell that accepts connections and never answers.
let silentProduct: Server;
let searchHost: SpawnedHost;

beforeAll(async () => {
  silentProduct = createServer(() => undefined);
  await new Promise<void>((resolve) => silentProduct.listen(0, '127.0.0.1', resolve));
  const { port } = silentProduct.address() as AddressInfo;
  searchHost = await spawnHost({
    CELLS: 'search',
    PRODUCT_CELL_URL: `http://127.0.0.1:${port}`,
    CROSS_CELL_TIMEOUT_MS: '300',
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: 'http://127.0.0.1:9',
  });
});
afterAll(async () => {
  await searchHost?.stop();
  silentProduct?.closeAllConnections();
  silentProduct?.close();
});

it('a cell that never answers makes its caller fail, not hang', async () => {
  const input = encodeURIComponent(JSON.stringify({ q: 'lamp' }));
  // Far longer than the 300 ms cross-cell limit, far shorter than undici's 300 s default.
  const response = await fetch(`${searchHost.url}/trpc/search.query?input=${input}`, {
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.status).toBe(500);
  const body = (await response.json()) as { error: { message: string; data?: { stack?: string } } };
  expect(body.error.data?.stack).toBeUndefined();
});
