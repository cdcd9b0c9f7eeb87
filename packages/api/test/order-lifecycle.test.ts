import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { TRPCClientError } from '@trpc/client';
import type * as OrderFixtures from './support/order-fixtures';
import type { createCellClient } from '../src/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seedFileDatabases } from './support/seed-file-databases';

type Fixtures = typeof OrderFixtures;
type Client = ReturnType<typeof createCellClient>;

let platform: HostWithExecutor;
let fx: Fixtures;
let skus: string[];
let shopperId: string;
let anonymous: Client;
let shopper: Client;
let staff: Client;
let support: Client;
let admin: Client;

async function errorOf(call: Promise<unknown>): Promise<{ code?: string; message: string }> {
  const error: unknown = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCClientError)) throw new Error('expected the call to fail');
  return { code: (error.data as { code?: string } | undefined)?.code, message: error.message };
}

beforeAll(async () => {
  await seedFileDatabases();
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'payment'], {
    env: {
      SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-life',
      ORDER_PAYMENT_TIMEOUT: '20s',
    },
  });
  fx = await import('./support/order-fixtures');
  skus = await fx.stockedSkus(8);
  const { createCellClient } = await import('../src/client');
  const { loginAs } = await import('./support/login');
  const url = platform.host.url;
  const as = async (email: string) => {
    const token = await loginAs(url, email);
    return createCellClient({
      urlFor: () => `${url}/trpc`,
      headers: () => ({ authorization: `Bearer ${token}` }),
    });
  };
  anonymous = createCellClient({ urlFor: () => `${url}/trpc` });
  shopper = await as('shopper@example.com');
  staff = await as('orders@example.com');
  support = await as('support@example.com');
  admin = await as('admin@example.com');
  const { Account } = authModels(await connectDomainDatabase('auth'));
  shopperId = String((await Account.findOne({ email: 'shopper@example.com' }).lean())?._id);
}, 60_000);
afterAll(() => platform?.stop());

/** An order of the demo shopper's, paid with the test card: CONFIRMED. */
async function confirmedOrder(sku: string, quantity = 1) {
  const placed = await fx.createTestOrder({
    lines: [{ sku, quantity }],
    accountId: shopperId,
    email: 'shopper@example.com',
  });
  await fx.payWithTestCard(platform.host.url, placed.orderId);
  await fx.waitForOrder(placed.orderId, fx.settled);
  return placed;
}

describe('who may see an order', () => {
  it('shows the owner the pay form secret, staff the order without it, and others nothing', async () => {
    const { orderId, number } = await fx.createTestOrder({
      lines: [{ sku: skus[0] ?? '', quantity: 1 }],
      accountId: shopperId,
      email: 'shopper@example.com',
    });
    await fx.waitForOrder(orderId, (order) => Boolean(order.payment?.clientSecret));

    const mine = await shopper.order.get.query({ orderId });
    expect(mine).toMatchObject({ number, status: 'PAYMENT_PROCESSING', canCancel: true });
    expect(mine.payment?.clientSecret).toBeTruthy();
    expect(mine.history.map((entry) => entry.to)).toEqual(['PENDING', 'PAYMENT_PROCESSING']);

    const staffView = await staff.order.get.query({ orderId });
    expect(staffView.number).toBe(number);
    expect(staffView.payment?.clientSecret).toBeUndefined();

    expect((await errorOf(anonymous.order.get.query({ orderId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(anonymous.order.get.query({ orderId: 'not-an-id' }))).code).toBe(
      'BAD_REQUEST',
    );

    const list = await shopper.order.list.query({});
    expect(list.items.map((item) => item.id)).toContain(orderId);
    expect(list.items.find((item) => item.id === orderId)).toMatchObject({
      number,
      itemCount: 1,
      currency: 'EUR',
    });
  });

  it('lets a guest look an order up by number and email, and open it with the token', async () => {
    const email = 'guest-lookup@example.com';
    const { orderId, number } = await fx.createTestOrder({
      lines: [{ sku: skus[1] ?? '', quantity: 1 }],
      email,
      paymentMethod: 'cash_on_delivery',
    });
    await fx.waitForOrder(orderId, fx.settled);

    const wrong = await errorOf(anonymous.order.lookup.mutate({ number, email: 'x@example.com' }));
    expect(wrong.code).toBe('NOT_FOUND');

    const found = await anonymous.order.lookup.mutate({ number: number.toLowerCase(), email });
    expect(found.orderId).toBe(orderId);
    const second = await anonymous.order.lookup.mutate({ number, email: email.toUpperCase() });

    for (const accessToken of [found.accessToken, second.accessToken]) {
      const view = await anonymous.order.get.query({ orderId, accessToken });
      expect(view).toMatchObject({ number, status: 'CONFIRMED', customer: { email } });
    }
    const forged = await errorOf(
      anonymous.order.get.query({ orderId, accessToken: 'A'.repeat(43) }),
    );
    expect(forged.code).toBe('NOT_FOUND');
  });
});

describe('staff move an order along', () => {
  it('processing -> shipped -> delivered, and refuse impossible steps with the current status', async () => {
    const { orderId, number } = await confirmedOrder(skus[2] ?? '');

    await staff.order.markProcessing.mutate({ orderId, note: 'Picking' });
    const badUrl = await errorOf(
      staff.order.markShipped.mutate({
        orderId,
        carrier: 'An Post',
        trackingNumber: 'CX123',
        trackingUrl: 'http://track.example.com/CX123',
      }),
    );
    expect(badUrl.code).toBe('BAD_REQUEST');
    const shipped = await staff.order.markShipped.mutate({
      orderId,
      carrier: 'An Post',
      trackingNumber: 'CX123',
      trackingUrl: 'https://track.example.com/CX123',
    });
    expect(shipped.shipment).toMatchObject({ carrier: 'An Post', trackingNumber: 'CX123' });
    expect(shipped.canCancel).toBe(false);

    const late = await errorOf(shopper.order.cancel.mutate({ orderId }));
    expect(late).toMatchObject({
      code: 'CONFLICT',
      message: `Order ${number} is SHIPPED; it cannot be cancelled.`,
    });

    const delivered = await staff.order.markDelivered.mutate({ orderId });
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.deliveredAt).toBeTruthy();
    expect(delivered.history.map((entry) => [entry.to, entry.actorType])).toEqual([
      ['PENDING', 'customer'],
      ['PAYMENT_PROCESSING', 'system'],
      ['CONFIRMED', 'system'],
      ['PROCESSING', 'staff'],
      ['SHIPPED', 'staff'],
      ['DELIVERED', 'staff'],
    ]);
    const again = await errorOf(staff.order.markProcessing.mutate({ orderId }));
    expect(again.message).toBe(`Order ${number} is DELIVERED; it cannot be marked processing.`);
  });

  it('lets exactly one of two concurrent transitions win', async () => {
    const { orderId } = await confirmedOrder(skus[3] ?? '');
    const processing = await Promise.allSettled([
      staff.order.markProcessing.mutate({ orderId }),
      admin.order.markProcessing.mutate({ orderId }),
      staff.order.markProcessing.mutate({ orderId }),
    ]);
    expect(processing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);

    // Shipping and cancelling are both allowed from PROCESSING, but not after each other.
    const raced = await Promise.allSettled([
      staff.order.markShipped.mutate({ orderId, carrier: 'DHL', trackingNumber: 'R1' }),
      admin.order.staffCancel.mutate({ orderId, reason: 'Duplicate order' }),
    ]);
    expect(raced.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const order = await fx.readOrder(orderId);
    expect(order?.history.map((entry) => entry.to)).toEqual([
      'PENDING',
      'PAYMENT_PROCESSING',
      'CONFIRMED',
      'PROCESSING',
      order?.status,
    ]);
  });

  it('needs orders:write to change an order and orders:read to list them', async () => {
    const { orderId, number } = await confirmedOrder(skus[4] ?? '');
    expect((await errorOf(support.order.markProcessing.mutate({ orderId }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(shopper.order.adminList.query({}))).code).toBe('FORBIDDEN');
    const byNumber = await support.order.adminList.query({ q: number });
    expect(byNumber.items.map((item) => item.number)).toEqual([number]);
    const confirmed = await support.order.adminList.query({ status: 'CONFIRMED', pageSize: 48 });
    expect(confirmed.items.every((item) => item.status === 'CONFIRMED')).toBe(true);
    expect(confirmed.items[0]).toMatchObject({ customerEmail: expect.any(String) });
  });
});

describe('the shopper cancels', () => {
  it('a paid order before shipping: refunded in full and the units back on hand', async () => {
    const sku = skus[5] ?? '';
    const before = await fx.stockOf(sku);
    const { orderId, totalMinor } = await confirmedOrder(sku, 2);
    expect((await fx.stockOf(sku)).onHand).toBe(before.onHand - 2);

    const cancelled = await shopper.order.cancel.mutate({ orderId, reason: 'Ordered twice' });
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancellation: { code: 'customer_request' },
      canCancel: false,
    });
    const order = await fx.waitForOrder(orderId, (current) => current.refundedMinor > 0);
    expect(order.refundedMinor).toBe(totalMinor);
    await expect.poll(() => fx.stockOf(sku), { timeout: 10_000 }).toEqual(before);
    // Cancelling again is harmless.
    expect((await shopper.order.cancel.mutate({ orderId })).status).toBe('CANCELLED');
  });

  it('an order still waiting for payment: the hold is released and the payment cancelled', async () => {
    const sku = skus[6] ?? '';
    const before = await fx.stockOf(sku);
    const { orderId } = await fx.createTestOrder({
      lines: [{ sku, quantity: 1 }],
      accountId: shopperId,
      email: 'shopper@example.com',
    });
    const waiting = await fx.waitForOrder(orderId, (order) => Boolean(order.payment?.clientSecret));
    await shopper.order.cancel.mutate({ orderId });
    await expect.poll(() => fx.stockOf(sku), { timeout: 10_000 }).toEqual(before);
    // The pay page's secret no longer keeps money: refused as a cancelled payment, or (paid in
    // the moment before the payment was cancelled) refunded in full. Any error fails the test.
    const late = await anonymous.payment.confirmTestPayment.mutate({
      paymentId: waiting.payment?.paymentId ?? '',
      clientSecret: waiting.payment?.clientSecret ?? '',
      card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' },
    });
    expect([
      { status: 'failed', message: 'This payment was cancelled; the order is no longer open.' },
      { status: 'succeeded' },
    ]).toContainEqual(late);
    if (late.status === 'succeeded') {
      const refunded = await fx.waitForOrder(orderId, (order) => order.refundedMinor > 0);
      expect(refunded.refundedMinor).toBe(refunded.totalMinor);
    }
    expect((await fx.readOrder(orderId))?.status).toBe('CANCELLED');
  });
});

describe('account deletion', () => {
  it('cancels orders still waiting for payment, then anonymises every order', async () => {
    const { Types } = await import('mongoose');
    const accountId = new Types.ObjectId().toString();
    const email = 'leaving@example.com';
    const sku = skus[7] ?? '';
    const before = await fx.stockOf(sku);
    const unpaid = await fx.createTestOrder({ lines: [{ sku, quantity: 1 }], accountId, email });
    const paid = await fx.createTestOrder({
      lines: [{ sku, quantity: 1 }],
      accountId,
      email,
      paymentMethod: 'cash_on_delivery',
    });
    await fx.waitForOrder(unpaid.orderId, (order) => order.status === 'PAYMENT_PROCESSING');
    await fx.waitForOrder(paid.orderId, fx.settled);

    const { sendEvent } = await import('../src/events/inngest-client');
    const { accountDeleted } = await import('../src/events/schemas');
    await sendEvent('auth', accountDeleted, { accountId, email });

    const cancelled = await fx.waitForOrder(unpaid.orderId, (order) => Boolean(order.anonymisedAt));
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancellation: { code: 'account_deleted' },
      customer: { name: 'Deleted customer' },
    });
    expect(cancelled.customer?.email).toBeUndefined();
    expect(cancelled.accountId).toBeUndefined();
    const kept = await fx.waitForOrder(paid.orderId, (order) => Boolean(order.anonymisedAt));
    expect(kept.status).toBe('CONFIRMED');
    expect(kept.shippingAddress).toMatchObject({ line1: '', country: 'IE' });
    // The unpaid order's hold was released; the cash order's unit stays sold.
    await expect
      .poll(() => fx.stockOf(sku), { timeout: 10_000 })
      .toMatchObject({ available: before.available - 1, reserved: before.reserved });
  });
});
