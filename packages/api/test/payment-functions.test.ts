import { connectDomainDatabase } from '@shop/db';
import { paymentModels, type PaymentModels } from '@shop/db/payment';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { loginAs } from './support/login';
import { clientOf, startRequest, type ShopClient } from './support/payment-calls';
import { seedFileDatabases } from './support/seed-file-databases';

/** The payment cell's Inngest functions on the local executor: cash collection, account deletion. */
let platform: HostWithExecutor;
let saga: ShopClient;
let models: PaymentModels;

beforeAll(async () => {
  await seedFileDatabases(); // the executor's state and the cells' data both get this file's prefix
  platform = await startHostWithExecutor(['auth', 'payment']);
  saga = clientOf(platform.host.url, await loginAs(platform.host.url, 'admin@example.com'));
  models = paymentModels(await connectDomainDatabase('payment'));
});
afterAll(() => platform?.stop());

describe('cash on delivery', () => {
  it('counts as captured once the order is delivered (once, however often the event comes)', async () => {
    const start = startRequest({ method: 'cash_on_delivery', amountMinor: 5_400 });
    await saga.payment.startPayment.mutate(start);
    const delivered = { orderId: start.orderId, number: start.number, name: 'Pat Payer' };
    for (let delivery = 0; delivery < 2; delivery += 1) {
      const eventId = await sendToExecutor(platform.executor, 'order/order.delivered', delivered);
      const runs = await runsEnded(platform.executor, eventId);
      expect(runs.map((run) => run.status)).toEqual(['Completed']);
    }
    const view = await saga.payment.forOrder.query({ orderId: start.orderId });
    expect(view.payments[0]).toMatchObject({
      provider: 'cash',
      status: 'succeeded',
      capturedMinor: 5_400,
      refundedMinor: 0,
    });
    // Now refundable, like a card payment.
    const refund = await saga.payment.refund.mutate({
      orderId: start.orderId,
      amountMinor: 400,
      idempotencyKey: 'cash-refund-one',
    });
    expect(refund.totalRefundedMinor).toBe(400);
  });
});

describe('account deletion', () => {
  it("drops the payer's name, email and account from their payments and keeps the amounts", async () => {
    const accountId = new Types.ObjectId().toHexString();
    const start = {
      ...startRequest(),
      accountId,
      email: 'erase.me@example.com',
      name: 'Erin Erase',
    };
    await saga.payment.startPayment.mutate(start);
    const eventId = await sendToExecutor(platform.executor, 'auth/account.deleted', {
      accountId,
      email: 'erase.me@example.com',
    });
    await runsEnded(platform.executor, eventId);
    const stored = await models.Payment.findOne({ orderId: start.orderId }).lean();
    expect(stored?.billingDetails).toBeUndefined();
    expect(stored?.accountId).toBeUndefined();
    expect(stored).toMatchObject({
      amountMinor: 12_345,
      currency: 'EUR',
      orderNumber: start.number,
    });
  });
});
