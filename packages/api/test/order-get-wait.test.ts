import { TRPCClientError } from '@trpc/client';
import type * as OrderFixtures from './support/order-fixtures';
import type * as CheckoutCalls from './support/checkout-calls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seedFileDatabases } from './support/seed-file-databases';

let platform: HostWithExecutor;
let fx: typeof OrderFixtures;
let checkout: typeof CheckoutCalls;
let skus: string[];

beforeAll(async () => {
  await seedFileDatabases();
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'payment'], {
    env: { SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-order-wait' },
  });
  fx = await import('./support/order-fixtures');
  checkout = await import('./support/checkout-calls');
  skus = await fx.stockedSkus(2, 20);
  // Seeding and starting a host with the executor passed 60 s on a loaded 2-core machine.
}, 180_000);
afterAll(() => platform?.stop());

async function placedGuestOrder(sku: string) {
  const shopper = checkout.guestShopper(platform.host.url);
  await shopper.add(sku, 1);
  const placed = await shopper.client.order.place.mutate(await shopper.checkoutForm());
  return { shopper, orderId: placed.orderId, accessToken: placed.guestAccessToken };
}

function codeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError
    ? (error as { data?: { code?: string } }).data?.code
    : undefined;
}

describe('order.get with waitForChange (the pay page follows the saga without polling)', () => {
  it('answers each call with a newer order, from PENDING to CONFIRMED in a handful of calls', async () => {
    const { shopper, orderId, accessToken } = await placedGuestOrder(skus[0] ?? '');
    const get = shopper.client.order.get;
    let order = await get.query({ orderId, accessToken });
    let calls = 1;
    const follow = async () => {
      const from = order.version;
      order = await get.query({ orderId, accessToken, waitForChange: { from, timeoutMs: 10_000 } });
      calls += 1;
      // Each answer brings something new: the saga moved the order while the call waited.
      expect(order.version).not.toBe(from);
    };
    while (!order.payment?.clientSecret && order.status !== 'CANCELLED') await follow();
    expect(order.status).toBe('PAYMENT_PROCESSING');

    await fx.payWithTestCard(platform.host.url, orderId);
    while (order.status === 'PAYMENT_PROCESSING') await follow();
    expect(order.status).toBe('CONFIRMED');
    // Polling every 50 ms took about 15 calls here; waiting takes one per change.
    expect(calls).toBeLessThanOrEqual(6);
  });

  it('answers with the same order when nothing changed within the timeout', async () => {
    const { shopper, orderId, accessToken } = await placedGuestOrder(skus[1] ?? '');
    await fx.payWithTestCard(platform.host.url, orderId);
    await fx.waitForOrder(orderId, fx.settled);
    const settled = await shopper.client.order.get.query({ orderId, accessToken });

    const again = await shopper.client.order.get.query({
      orderId,
      accessToken,
      waitForChange: { from: settled.version, timeoutMs: 300 },
    });
    expect(again).toEqual(settled);
  });

  it('answers a caller that is behind with the order as it is, and never waits for a stranger', async () => {
    const { shopper, orderId, accessToken } = await placedGuestOrder(skus[1] ?? '');
    await fx.payWithTestCard(platform.host.url, orderId);
    await fx.waitForOrder(orderId, fx.settled);
    const current = await shopper.client.order.get.query({ orderId, accessToken });
    const behind = await shopper.client.order.get.query({
      orderId,
      accessToken,
      waitForChange: { from: 'an-older-version', timeoutMs: 10_000 },
    });
    expect(behind).toEqual(current);

    const stranger = await shopper.client.order.get
      .query({
        orderId,
        accessToken: 'x'.repeat(43),
        waitForChange: { from: current.version, timeoutMs: 10_000 },
      })
      .catch((error: unknown) => error);
    expect(codeOf(stranger)).toBe('NOT_FOUND');
  });

  it('refuses a wait longer than 10 s with a 400 that names the field', async () => {
    const { shopper, orderId, accessToken } = await placedGuestOrder(skus[0] ?? '');
    const refused = await shopper.client.order.get
      .query({
        orderId,
        accessToken,
        waitForChange: { from: 'v', timeoutMs: 60_000 },
      })
      .catch((error: unknown) => error);
    expect(codeOf(refused)).toBe('BAD_REQUEST');
    const issues = (refused as { data?: { issues?: { path: string }[] } }).data?.issues ?? [];
    expect(issues.map((issue) => issue.path)).toContain('waitForChange.timeoutMs');
  });
});
