import { createServer, type Server, type Socket } from 'node:net';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CellHost } from '../src/host';
import { unavailableDependency } from '../src/trpc/dependency-outage';
import { newCartToken, testSkus, type TestSku } from './support/cart-calls';
import { freePort } from './support/free-port';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * A cell whose call needs another cell that cannot be reached answers 503 with Retry-After, as
 * for its own database, not a 500: the whole-platform load met `order.addToCart` answering 500
 * while the product host was SIGKILLed (the cart asks the product cell when its projection has no
 * fresh entry). Here the order cell's calls to the product cell go, in turn, to the real host, to
 * a port where nothing listens (a pod that is down) and to a listener that never answers (a hung
 * pod); nothing of the cart changes while it cannot be priced.
 */
let host: CellHost;
let product: 'host' | 'refused' | 'silent' = 'host';
let refusedPort: number;
let silent: Server;
const silentSockets = new Set<Socket>();
let sku: TestSku;
const cartToken = newCartToken();
// Set before any module reads the configuration (imports are hoisted above plain statements):
// every cart operation asks the product cell (no projection entry is trusted), and a cell that
// accepts the connection but never answers is given up on after a few seconds.
const crossCellTimeoutMs = vi.hoisted(() => {
  process.env.ORDER_CART_PRICES_MAX_AGE_MS = '0';
  // Three seconds: the healthy calls of this test go through the same timeout, and a loaded
  // machine can take a second to answer one.
  process.env.CROSS_CELL_TIMEOUT_MS = '3000';
  return 3_000;
});

beforeAll(async () => {
  await seededTestDatabases();
  refusedPort = await freePort();
  silent = createServer((socket) => {
    silentSockets.add(socket);
    socket.on('close', () => silentSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as { port: number }).port;
  host = await startTestHost(['auth', 'product', 'order']);
  [sku] = (await testSkus(1, 50, 40)) as [TestSku];
  const { routeCellCallsTo } = await import('../src/cross-cell/cell-client');
  routeCellCallsTo((domain) => {
    if (domain !== 'product' || product === 'host') return `${host.url}/trpc`;
    return `http://127.0.0.1:${product === 'refused' ? refusedPort : silentPort}/trpc`;
  });
}, 120_000);
afterAll(async () => {
  await stopTestHosts(host);
  silentSockets.forEach((socket) => socket.destroy());
  await new Promise((resolve) => silent?.close(resolve));
  delete process.env.ORDER_CART_PRICES_MAX_AGE_MS;
  delete process.env.CROSS_CELL_TIMEOUT_MS;
});

async function addToCart() {
  const started = performance.now();
  const response = await fetch(`${host.url}/trpc/order.addToCart`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cart-token': cartToken },
    body: JSON.stringify({ sku: sku.sku, quantity: 1 }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as {
      result?: { data: { lines: { sku: string; quantity: number }[] } };
      error?: { message: string; data: { code: string } };
    },
    ms: performance.now() - started,
  };
}

describe('order.addToCart while the product cell cannot be reached', () => {
  it('answers 503 with Retry-After, fast, changes nothing, and works again once the cell is back', async () => {
    const before = await addToCart();
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.result?.data.lines).toEqual([
      expect.objectContaining({ sku: sku.sku, quantity: 1 }),
    ]);

    product = 'refused';
    const refused = await addToCart();
    product = 'silent';
    const hung = await addToCart();
    product = 'host';

    for (const answer of [refused, hung]) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.retryAfter).toBe('5');
      expect(answer.body.error?.data.code).toBe('SERVICE_UNAVAILABLE');
      expect(answer.body.error?.message).toBe(
        'A service this call needs is unavailable just now; try again in a few seconds',
      );
      // No stack or internal address reaches the caller.
      expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.ts/);
    }
    // Refused at once; the hung cell after the cross-cell timeout, not the caller's patience.
    expect(refused.ms).toBeLessThan(crossCellTimeoutMs);
    expect(hung.ms).toBeGreaterThanOrEqual(crossCellTimeoutMs - 50);
    expect(hung.ms).toBeLessThan(crossCellTimeoutMs + 5_000);

    // The refused calls added nothing: the next one finds the one unit the first call added.
    const after = await addToCart();
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body.result?.data.lines).toEqual([
      expect.objectContaining({ sku: sku.sku, quantity: 2 }),
    ]);
  }, 30_000);
});

describe('unavailableDependency', () => {
  it('names a cell that itself answered 503, as the typed client raises it', () => {
    // The answer the product cell gave with its database cut off (from a cell host's log).
    const fromCell = TRPCClientError.from({
      error: {
        message: 'The database is unreachable just now; try again in a few seconds',
        code: -32603,
        data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, path: 'product.skuDetails' },
      },
    });
    expect(unavailableDependency(new Error('wrapped', { cause: fromCell }))).toMatch(
      /^product\.skuDetails answered 503/,
    );
  });

  it('leaves other errors alone: a cell refusing the input, a bug', () => {
    const refusedInput = TRPCClientError.from({
      error: {
        message: 'Invalid input',
        code: -32600,
        data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'product.skuDetails' },
      },
    });
    expect(unavailableDependency(refusedInput)).toBeUndefined();
    expect(
      unavailableDependency(new TypeError("Cannot read properties of undefined (reading 'sku')")),
    ).toBeUndefined();
  });
});
