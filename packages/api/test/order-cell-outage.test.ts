import { freePort } from './support/free-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as OrderFixtures from './support/order-fixtures';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seedFileDatabases } from './support/seed-file-databases';

type Fixtures = typeof OrderFixtures;

let platform: HostWithExecutor;
let fx: Fixtures;
let skus: string[];
// A port where nothing listens: calls to a cell routed here are refused, as for a pod that is down.
let closedPort: number;
let paymentDown = false;
let productDown = false;

beforeAll(async () => {
  await seedFileDatabases();
  closedPort = await freePort();
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'payment'], {
    env: { SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-outage' },
  });
  // The host routes cross-cell calls to itself; while `paymentDown`, payment calls go nowhere.
  const { routeCellCallsTo } = await import('../src/cross-cell/cell-client');
  const hostUrl = platform.host.url;
  routeCellCallsTo((domain) =>
    (domain === 'payment' && paymentDown) || (domain === 'product' && productDown)
      ? `http://127.0.0.1:${closedPort}/trpc`
      : `${hostUrl}/trpc`,
  );
  fx = await import('./support/order-fixtures');
  skus = await fx.stockedSkus(1, 20);
}, 60_000);
afterAll(() => platform?.stop());

describe('an order whose payment cell is down', () => {
  it('says so on the order within seconds, and starts the payment as soon as the cell is back', async () => {
    paymentDown = true;
    const { orderId } = await fx.createTestOrder({ lines: [{ sku: skus[0] ?? '', quantity: 1 }] });

    // The pay page reads `waitingOn` to explain the wait instead of spinning.
    const waiting = await fx.waitForOrder(orderId, (order) => Boolean(order.waitingOn), 15_000);
    expect(waiting.status).toBe('PAYMENT_PROCESSING');
    expect(waiting.waitingOn?.service).toBe('payment');
    expect(waiting.payment).toBeUndefined();

    paymentDown = false;
    // Asked again every second while down, so the payment starts soon after the cell is back
    // (the saga's own backoff used to leave up to 31 s between attempts).
    const started = await fx.waitForOrder(
      orderId,
      (order) => Boolean(order.payment?.clientSecret),
      15_000,
    );
    expect(started.waitingOn).toBeUndefined();
    expect(started.status).toBe('PAYMENT_PROCESSING');

    await fx.payWithTestCard(platform.host.url, orderId);
    const done = await fx.waitForOrder(orderId, fx.settled);
    expect(done.status).toBe('CONFIRMED');
  }, 60_000);

  it('lets the shopper cancel while waiting, and then starts no payment', async () => {
    paymentDown = true;
    const sku = skus[0] ?? '';
    const stockBefore = await fx.stockOf(sku);
    const { sha256Hex, newSecretToken } = await import('../src/secrets');
    const accessToken = newSecretToken();
    const { orderId } = await fx.createTestOrder({
      lines: [{ sku, quantity: 1 }],
      guestAccessTokenHash: sha256Hex(accessToken),
    });
    await fx.waitForOrder(orderId, (order) => Boolean(order.waitingOn), 15_000);

    // What the pay page's "Cancel order" does for a guest.
    const { createCellClient } = await import('../src/client');
    const guest = createCellClient({ urlFor: () => `${platform.host.url}/trpc` });
    const answer = await guest.order.cancel.mutate({ orderId, accessToken });
    expect(answer.status).toBe('CANCELLED');
    paymentDown = false;

    const cancelled = await fx.waitForOrder(orderId, fx.settled);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.cancellation?.code).toBe('customer_request');
    expect(cancelled.payment).toBeUndefined();
    // The held unit comes back once the compensation has run.
    const { waitFor } = await import('@shop/db/testing');
    await waitFor(
      async () => ((await fx.stockOf(sku)).available === stockBefore.available ? true : undefined),
      { what: `${sku}'s held unit to come back`, timeoutMs: 20_000 },
    );
  }, 60_000);
});

describe('an order whose product cell is down', () => {
  it('says so while its stock cannot be reserved, and goes on to payment once the cell is back', async () => {
    productDown = true;
    const { orderId } = await fx.createTestOrder({ lines: [{ sku: skus[0] ?? '', quantity: 1 }] });

    const waiting = await fx.waitForOrder(orderId, (order) => Boolean(order.waitingOn), 15_000);
    expect(waiting.status).toBe('PENDING');
    expect(waiting.waitingOn?.service).toBe('product');

    productDown = false;
    const started = await fx.waitForOrder(
      orderId,
      (order) => Boolean(order.payment?.clientSecret),
      15_000,
    );
    expect(started.status).toBe('PAYMENT_PROCESSING');
    // Cleared when the order moved on, so the pay page shows the card form, not the notice.
    expect(started.waitingOn).toBeUndefined();
  }, 60_000);
});
