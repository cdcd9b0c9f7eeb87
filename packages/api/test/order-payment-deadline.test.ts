import { connectDomainDatabase } from '@shop/db';
import { paymentModels } from '@shop/db/payment';
import { waitFor } from '@shop/db/testing';
import { freePort } from './support/free-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as OrderFixtures from './support/order-fixtures';
import { startFakeStripeApi, type FakeStripeApi } from './support/fake-stripe-api';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seedFileDatabases } from './support/seed-file-databases';

/**
 * Issue 20, defect 5: at the payment deadline the saga used to cancel the order (and its
 * compensation refund the payment) without asking whether the shopper had paid. Here the card
 * payments run on the Stripe provider against a stand-in for Stripe's API, so a payment can
 * succeed "at Stripe" before its webhook reaches us, and the payment or product cell is down
 * across the deadline (ORDER_PAYMENT_TIMEOUT 3 s).
 */
type Fixtures = typeof OrderFixtures;

let platform: HostWithExecutor;
let stripeApi: FakeStripeApi;
let fx: Fixtures;
let skus: string[];
let closedPort: number;
let paymentDown = false;
let productDown = false;
/** Calls to the product cell sent nowhere while it was down (each saga attempt builds a client). */
let productCallsRefused = 0;

beforeAll(async () => {
  await seedFileDatabases();
  closedPort = await freePort();
  stripeApi = await startFakeStripeApi();
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'payment'], {
    env: {
      SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-deadline',
      ORDER_PAYMENT_TIMEOUT: '3s',
      STRIPE_SECRET_KEY: 'sk_test_deadline_tests',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_deadline_tests',
      STRIPE_WEBHOOK_SECRET: 'whsec_deadline_tests',
      STRIPE_API_PROTOCOL: 'http',
      STRIPE_API_HOST: stripeApi.host,
      STRIPE_API_PORT: String(stripeApi.port),
    },
  });
  // Cross-cell calls (the order cell's to payment and product) go nowhere while a cell is "down";
  // the shopper's own calls to the host are unaffected.
  const { routeCellCallsTo } = await import('../src/cross-cell/cell-client');
  const hostUrl = platform.host.url;
  routeCellCallsTo((domain) => {
    if (domain === 'product' && productDown) productCallsRefused += 1;
    return (domain === 'payment' && paymentDown) || (domain === 'product' && productDown)
      ? `http://127.0.0.1:${closedPort}/trpc`
      : `${hostUrl}/trpc`;
  });
  fx = await import('./support/order-fixtures');
  skus = await fx.stockedSkus(3, 20);
}, 60_000);
afterAll(async () => {
  await platform?.stop();
  await stripeApi?.stop();
});

/** A card order whose Stripe payment has been started (the pay page has its client secret). */
async function orderAwaitingPayment(sku: string) {
  const { orderId } = await fx.createTestOrder({ lines: [{ sku, quantity: 1 }] });
  await fx.waitForOrder(orderId, (order) => Boolean(order.payment?.clientSecret), 15_000);
  const intent = [...stripeApi.intents.values()].find(
    (candidate) => candidate.metadata.orderId === orderId,
  );
  if (!intent) throw new Error('no Stripe payment was started');
  return { orderId, intent };
}

async function paymentStatusOf(orderId: string) {
  const { Payment } = paymentModels(await connectDomainDatabase('payment'));
  return (await Payment.findOne({ orderId }).lean())?.status;
}

const refundsOf = (intentId: string) =>
  stripeApi.refunds.filter((refund) => refund.payment_intent === intentId);

describe('the payment deadline', () => {
  it('confirms, not cancels, an order paid at Stripe whose webhook had not arrived, with the payment cell down across the deadline', async () => {
    const sku = skus[0] ?? '';
    const before = await fx.stockOf(sku);
    const { orderId, intent } = await orderAwaitingPayment(sku);
    // The shopper paid; Stripe's webhook has not reached the payment cell (and the saga's wait
    // never hears of it). Then the payment cell goes down until after the deadline.
    stripeApi.succeed(intent.id);
    paymentDown = true;
    try {
      const atDeadline = await fx.waitForOrder(
        orderId,
        (order) => order.waitingOn?.service === 'payment' || order.status === 'CANCELLED',
        15_000,
      );
      // Nothing is cancelled while the payment cell cannot say whether the shopper paid.
      expect(atDeadline.status).toBe('PAYMENT_PROCESSING');
    } finally {
      paymentDown = false;
    }

    const done = await fx.waitForOrder(orderId, fx.settled, 30_000);
    expect(done.status).toBe('CONFIRMED');
    expect(done.history.map((entry) => entry.to)).not.toContain('CANCELLED');
    expect(done.waitingOn).toBeUndefined();
    expect(await paymentStatusOf(orderId)).toBe('succeeded');
    expect(refundsOf(intent.id)).toEqual([]);
    expect((await fx.stockOf(sku)).onHand).toBe(before.onHand - 1);
  }, 60_000);

  it('leaves a paid order waiting while the product cell is down across the deadline, and confirms it once the cell is back', async () => {
    const sku = skus[1] ?? '';
    const before = await fx.stockOf(sku);
    const { orderId, intent } = await orderAwaitingPayment(sku);
    stripeApi.succeed(intent.id);
    productDown = true;
    try {
      // After the deadline the payment cell has asked Stripe and recorded the payment...
      await waitFor(
        async () => ((await paymentStatusOf(orderId)) === 'succeeded' ? true : undefined),
        { what: 'the payment cell to record the payment at the deadline', timeoutMs: 15_000 },
      );
      // ...and the order cannot be confirmed until its units are committed at the product cell.
      // Wait until the order cell has tried to commit them and been refused three times: two
      // functions settle a paid order (the saga's step and confirm-order-on-payment), so one of
      // them has failed and been retried, and whatever it does after a failed commit is done.
      const refusedBefore = productCallsRefused;
      await waitFor(() => productCallsRefused >= refusedBefore + 3, {
        what: 'three refused attempts to commit the stock while the product cell is down',
        timeoutMs: 15_000,
      });
      const waiting = await fx.readOrder(orderId);
      expect(waiting?.status).toBe('PAYMENT_PROCESSING');
    } finally {
      productDown = false;
    }

    const done = await fx.waitForOrder(orderId, fx.settled, 45_000);
    expect(done.status).toBe('CONFIRMED');
    expect(done.history.map((entry) => entry.to)).not.toContain('CANCELLED');
    expect(refundsOf(intent.id)).toEqual([]);
    expect((await fx.stockOf(sku)).onHand).toBe(before.onHand - 1);
  }, 90_000);

  it('cancels an unpaid order at the deadline and closes its payment at Stripe, so it can no longer be paid', async () => {
    const sku = skus[2] ?? '';
    const before = await fx.stockOf(sku);
    const { orderId, intent } = await orderAwaitingPayment(sku);

    const done = await fx.waitForOrder(orderId, fx.settled, 20_000);
    expect(done.status).toBe('CANCELLED');
    expect(done.cancellation?.code).toBe('payment_timeout');
    expect(stripeApi.intents.get(intent.id)?.status).toBe('canceled');
    expect(await paymentStatusOf(orderId)).toBe('canceled');
    expect(refundsOf(intent.id)).toEqual([]);
    await waitFor(
      async () => ((await fx.stockOf(sku)).available === before.available ? true : undefined),
      { what: `${sku}'s held unit to come back`, timeoutMs: 20_000 },
    );
  }, 60_000);
});
