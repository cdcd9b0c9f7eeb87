import { connectDomainDatabase } from '@shop/db';
import { paymentModels, type PaymentModels } from '@shop/db/payment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { startEventCapture, type EventCapture } from './support/auth-event-capture';
import { captureLogs, type CapturedLogs } from './support/log-capture';
import { loginAs } from './support/login';
import { clientOf, refusal, startRequest, type ShopClient } from './support/payment-calls';
import type { stopTestHosts as StopTestHosts } from './support/test-host';

/**
 * The payment cell with the built-in test processor (no Stripe key), over HTTP: the saga's calls
 * (admin token: payments:process), the shopper's confirmation with the client secret, refunds.
 */
let events: EventCapture;
let host: CellHost;
let stopTestHosts: typeof StopTestHosts;
let logs: CapturedLogs;
let saga: ShopClient;
let browser: ShopClient;
let shopper: ShopClient;
let models: PaymentModels;

const validCard = { expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };

beforeAll(async () => {
  events = await startEventCapture();
  process.env.INNGEST_DEV = '1';
  process.env.INNGEST_BASE_URL = events.url;
  delete process.env.STRIPE_SECRET_KEY;
  const testHost = await import('./support/test-host');
  stopTestHosts = testHost.stopTestHosts;
  await testHost.seededTestDatabases();
  logs = captureLogs();
  host = await testHost.startTestHost(['auth', 'payment'], { logger: logs.logger });
  saga = clientOf(host.url, await loginAs(host.url, 'admin@example.com'));
  shopper = clientOf(host.url, await loginAs(host.url, 'shopper@example.com'));
  browser = clientOf(host.url);
  models = paymentModels(await connectDomainDatabase('payment'));
});
afterAll(async () => {
  await stopTestHosts?.(host);
  await events?.stop();
  delete process.env.INNGEST_DEV;
  delete process.env.INNGEST_BASE_URL;
});

async function startCardPayment(amountMinor = 12_345) {
  const request = startRequest({ amountMinor });
  const started = await saga.payment.startPayment.mutate(request);
  return { request, started, clientSecret: started.clientSecret ?? '' };
}

async function pay(number: string) {
  const { request, started, clientSecret } = await startCardPayment();
  const outcome = await browser.payment.confirmTestPayment.mutate({
    paymentId: started.paymentId,
    clientSecret,
    card: { number, ...validCard },
  });
  return { request, started, clientSecret, outcome };
}

describe('payment.config and startPayment', () => {
  it('uses the test processor when no Stripe key is configured', async () => {
    expect(await browser.payment.config.query()).toEqual({ provider: 'test' });
  });

  it('starts one payment per order, however many concurrent calls the saga makes', async () => {
    const request = startRequest();
    const starts = await Promise.all(
      Array.from({ length: 20 }, () => saga.payment.startPayment.mutate(request)),
    );
    const ids = new Set(starts.map((start) => start.paymentId));
    const secrets = new Set(starts.map((start) => start.clientSecret));
    expect(ids.size).toBe(1);
    expect(secrets.size).toBe(1);
    expect(starts[0]).toMatchObject({ provider: 'test', status: 'requires_payment' });
    expect(await models.Payment.countDocuments({ orderId: request.orderId })).toBe(1);
    const stored = await models.Payment.findOne({ orderId: request.orderId }).lean();
    expect(stored).toMatchObject({
      amountMinor: 12_345,
      currency: 'EUR',
      idempotencyKey: `order-${request.orderId}-intent`,
    });
  });

  it('refuses a second start of the same order with another amount', async () => {
    const request = startRequest();
    await saga.payment.startPayment.mutate(request);
    const refused = await refusal(saga.payment.startPayment.mutate({ ...request, amountMinor: 1 }));
    expect(refused.code).toBe('CONFLICT');
  });

  it('is only for the saga (payments:process): shoppers and anonymous callers are refused', async () => {
    expect((await refusal(shopper.payment.startPayment.mutate(startRequest()))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(browser.payment.startPayment.mutate(startRequest()))).code).toBe(
      'UNAUTHORIZED',
    );
  });

  it('answers cash on delivery at once, waiting for collection, with no client secret', async () => {
    const started = await saga.payment.startPayment.mutate(
      startRequest({ method: 'cash_on_delivery' }),
    );
    expect(started).toEqual({
      paymentId: started.paymentId,
      provider: 'cash',
      status: 'pending_collection',
    });
  });
});

describe('the test processor behaves like Stripe test cards', () => {
  it('4242 4242 4242 4242 succeeds and sends payment.succeeded with the order amount', async () => {
    const { request, started, outcome } = await pay('4242 4242 4242 4242');
    expect(outcome).toEqual({ status: 'succeeded' });
    expect(events.latest('payment/payment.succeeded', { orderId: request.orderId })?.data).toEqual({
      orderId: request.orderId,
      paymentId: started.paymentId,
      provider: 'test',
      amountMinor: 12_345,
      currency: 'EUR',
    });
    const view = await saga.payment.forOrder.query({ orderId: request.orderId });
    expect(view.payments[0]).toMatchObject({
      status: 'succeeded',
      capturedMinor: 12_345,
      card: { brand: 'visa', last4: '4242' },
    });
  });

  it.each([
    ['4000 0000 0000 0002', 'card_declined', 'Your card was declined.'],
    ['4000 0000 0000 9995', 'insufficient_funds', 'Your card has insufficient funds.'],
    ['4000 0000 0000 0069', 'expired_card', 'Your card has expired.'],
    ['4000 0000 0000 0127', 'incorrect_cvc', "Your card's security code is incorrect."],
  ])('%s fails with %s and sends payment.failed', async (number, code, message) => {
    const { request, outcome } = await pay(number);
    expect(outcome).toEqual({ status: 'failed', message });
    expect(
      events.latest('payment/payment.failed', { orderId: request.orderId })?.data,
    ).toMatchObject({ code, message, provider: 'test' });
  });

  it('refuses a number failing the Luhn check or a past expiry as BAD_REQUEST, and charges nothing', async () => {
    const { started, clientSecret } = await startCardPayment();
    const luhn = await refusal(
      browser.payment.confirmTestPayment.mutate({
        paymentId: started.paymentId,
        clientSecret,
        card: { number: '4242 4242 4242 4241', ...validCard },
      }),
    );
    expect(luhn).toEqual({ code: 'BAD_REQUEST', message: 'The card number is not valid.' });
    const expired = await refusal(
      browser.payment.confirmTestPayment.mutate({
        paymentId: started.paymentId,
        clientSecret,
        card: { number: '4242424242424242', expMonth: 1, expYear: 2020, cvc: '123' },
      }),
    );
    expect(expired.code).toBe('BAD_REQUEST');
    // The typo changed nothing: the shopper can still pay.
    const paid = await browser.payment.confirmTestPayment.mutate({
      paymentId: started.paymentId,
      clientSecret,
      card: { number: '4242424242424242', ...validCard },
    });
    expect(paid.status).toBe('succeeded');
  });

  it('opens a payment only with its own client secret', async () => {
    const first = await startCardPayment();
    const second = await startCardPayment();
    const refused = await refusal(
      browser.payment.confirmTestPayment.mutate({
        paymentId: first.started.paymentId,
        clientSecret: second.clientSecret,
        card: { number: '4242424242424242', ...validCard },
      }),
    );
    expect(refused.code).toBe('NOT_FOUND');
  });

  it('asks for 3-D Secure with 4000 0000 0000 3220, then succeeds when approved', async () => {
    const { request, started, clientSecret, outcome } = await pay('4000000000003220');
    expect(outcome).toEqual({ status: 'requires_action' });
    expect(
      events.latest('payment/payment.succeeded', { orderId: request.orderId }),
    ).toBeUndefined();
    const approved = await browser.payment.completeTestAuthentication.mutate({
      paymentId: started.paymentId,
      clientSecret,
      approve: true,
    });
    expect(approved).toEqual({ status: 'succeeded' });
    expect(events.latest('payment/payment.succeeded', { orderId: request.orderId })).toBeDefined();
  });

  it('fails with authentication_failed when 3-D Secure (4000 0027 6000 3184) is not approved', async () => {
    const { request, started, clientSecret, outcome } = await pay('4000 0027 6000 3184');
    expect(outcome.status).toBe('requires_action');
    const failed = await browser.payment.completeTestAuthentication.mutate({
      paymentId: started.paymentId,
      clientSecret,
      approve: false,
    });
    expect(failed.status).toBe('failed');
    expect(
      events.latest('payment/payment.failed', { orderId: request.orderId })?.data,
    ).toMatchObject({ code: 'authentication_failed' });
  });

  it('answers a repeated confirmation with the first outcome and sends one event', async () => {
    const { request, started, clientSecret } = await startCardPayment();
    const confirm = (number: string) =>
      browser.payment.confirmTestPayment.mutate({
        paymentId: started.paymentId,
        clientSecret,
        card: { number, ...validCard },
      });
    const outcomes = await Promise.all([confirm('4242424242424242'), confirm('4242424242424242')]);
    expect(outcomes).toEqual([{ status: 'succeeded' }, { status: 'succeeded' }]);
    // A later decline cannot undo the success.
    expect(await confirm('4000000000000002')).toEqual({ status: 'succeeded' });
    const sent = events.events.filter(
      (event) =>
        event.name === 'payment/payment.succeeded' && event.data.orderId === request.orderId,
    );
    expect(sent).toHaveLength(1);
  });

  it('never stores or logs the card number or the CVC', async () => {
    const { request } = await pay('4000 0566 5566 5556');
    await pay('4000000000000002');
    const logged = JSON.stringify(logs.lines);
    for (const secret of ['4000056655665556', '4000 0566 5566 5556', '4000000000000002']) {
      expect(logged).not.toContain(secret);
    }
    const stored = JSON.stringify(await models.Payment.find().lean());
    expect(stored).not.toContain('4000056655665556');
    expect(stored).not.toContain('4000000000000002');
    expect(await models.Payment.findOne({ orderId: request.orderId }).lean()).toMatchObject({
      card: { brand: 'visa', last4: '5556' },
    });
    // The log does say what happened, by brand only.
    expect(logs.lines.some((line) => line.message === 'test payment confirmed')).toBe(true);
  });
});

describe('refunds', () => {
  it('refunds in parts up to what was captured, and refuses more with what is left', async () => {
    const { request } = await pay('4242424242424242');
    const first = await saga.payment.refund.mutate({
      orderId: request.orderId,
      amountMinor: 2_345,
      reason: 'one item returned',
      idempotencyKey: 'refund-part-one',
    });
    expect(first).toMatchObject({ amountMinor: 2_345, totalRefundedMinor: 2_345, currency: 'EUR' });
    const refused = await refusal(
      saga.payment.refund.mutate({
        orderId: request.orderId,
        amountMinor: 10_001,
        idempotencyKey: 'refund-too-much',
      }),
    );
    expect(refused).toEqual({
      code: 'CONFLICT',
      message: `Only €100.00 of order ${request.number} can still be refunded`,
    });
    const rest = await saga.payment.refund.mutate({
      orderId: request.orderId,
      amountMinor: 10_000,
      idempotencyKey: 'refund-the-rest',
    });
    expect(rest.totalRefundedMinor).toBe(12_345);
    expect(
      events.latest('payment/refund.succeeded', { refundId: rest.refundId })?.data,
    ).toMatchObject({ orderId: request.orderId, amountMinor: 10_000, totalRefundedMinor: 12_345 });
    const view = await saga.payment.forOrder.query({ orderId: request.orderId });
    expect(view.payments[0]).toMatchObject({ capturedMinor: 12_345, refundedMinor: 12_345 });
    expect(view.refunds.map((refund) => refund.amountMinor)).toEqual([2_345, 10_000]);
  });

  it('makes one refund per idempotency key, even when repeated concurrently', async () => {
    const { request } = await pay('4242424242424242');
    const call = () =>
      saga.payment.refund.mutate({
        orderId: request.orderId,
        amountMinor: 1_000,
        idempotencyKey: 'refund-once-only',
      });
    const answers = await Promise.allSettled(Array.from({ length: 10 }, call));
    const refundIds = new Set(
      answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value.refundId] : [])),
    );
    expect(refundIds.size).toBe(1);
    // Retried after the first finished: the same refund again.
    const again = await call();
    expect(refundIds.has(again.refundId)).toBe(true);
    expect(await models.Refund.countDocuments({ orderId: request.orderId })).toBe(1);
    expect((await models.Payment.findOne({ orderId: request.orderId }).lean())?.refundedMinor).toBe(
      1_000,
    );
  });

  it('never refunds more than was captured, whatever the concurrency', async () => {
    const { request } = await pay('4242424242424242');
    const answers = await Promise.allSettled(
      Array.from({ length: 30 }, (_, index) =>
        saga.payment.refund.mutate({
          orderId: request.orderId,
          amountMinor: 1_000,
          idempotencyKey: `refund-race-${index}`,
        }),
      ),
    );
    const made = answers.filter((answer) => answer.status === 'fulfilled');
    expect(made).toHaveLength(12); // 12 × 10.00 ≤ 123.45 < 13 × 10.00
    const payment = await models.Payment.findOne({ orderId: request.orderId }).lean();
    expect(payment).toMatchObject({ refundedMinor: 12_000, refundableMinor: 345 });
  });

  it('is for staff with payments:refund only', async () => {
    const { request } = await pay('4242424242424242');
    const refused = await refusal(
      shopper.payment.refund.mutate({
        orderId: request.orderId,
        amountMinor: 100,
        idempotencyKey: 'refund-by-shopper',
      }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('payment.cancelForOrder', () => {
  it('cancels an unpaid payment, after which the shopper cannot pay it', async () => {
    const { request, started, clientSecret } = await startCardPayment();
    expect(
      await saga.payment.cancelForOrder.mutate({ orderId: request.orderId, reason: 'timeout' }),
    ).toEqual({ status: 'canceled', refundedMinor: 0 });
    const late = await browser.payment.confirmTestPayment.mutate({
      paymentId: started.paymentId,
      clientSecret,
      card: { number: '4242424242424242', ...validCard },
    });
    expect(late.status).toBe('failed');
    expect(
      events.latest('payment/payment.succeeded', { orderId: request.orderId }),
    ).toBeUndefined();
  });

  it('refunds what is left of a captured payment, once however often it is asked', async () => {
    const { request } = await pay('4242424242424242');
    await saga.payment.refund.mutate({
      orderId: request.orderId,
      amountMinor: 345,
      idempotencyKey: 'refund-before-cancel',
    });
    const cancel = () =>
      saga.payment.cancelForOrder.mutate({ orderId: request.orderId, reason: 'customer_request' });
    expect(await cancel()).toEqual({ status: 'succeeded', refundedMinor: 12_345 });
    expect(await cancel()).toEqual({ status: 'succeeded', refundedMinor: 12_345 });
    const refunds = events.events.filter(
      (event) =>
        event.name === 'payment/refund.succeeded' && event.data.orderId === request.orderId,
    );
    expect(refunds.map((event) => event.data.amountMinor)).toEqual([345, 12_000]);
  });

  it('answers none for an order that never had a payment', async () => {
    expect(
      await saga.payment.cancelForOrder.mutate({
        orderId: startRequest().orderId,
        reason: 'sold_out',
      }),
    ).toEqual({ status: 'none', refundedMinor: 0 });
  });
});
