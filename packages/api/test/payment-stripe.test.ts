import { connectDomainDatabase } from '@shop/db';
import { paymentModels, type PaymentModels } from '@shop/db/payment';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { startEventCapture, type EventCapture } from './support/auth-event-capture';
import { startFakeStripeApi, type FakeIntent, type FakeStripeApi } from './support/fake-stripe-api';
import { request } from './support/http';
import { loginAs } from './support/login';
import { clientOf, refusal, startRequest, type ShopClient } from './support/payment-calls';
import type { stopTestHosts as StopTestHosts } from './support/test-host';

/**
 * The Stripe provider against a local stand-in for Stripe's API (the SDK's host/port/protocol),
 * and the webhook endpoint with events signed as Stripe signs them.
 */
const webhookSecret = 'whsec_test_secret_for_payment_tests';
const stripeEnv = {
  STRIPE_SECRET_KEY: 'sk_test_payment_tests',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_payment_tests',
  STRIPE_WEBHOOK_SECRET: webhookSecret,
  STRIPE_API_PROTOCOL: 'http',
};

let events: EventCapture;
let stripeApi: FakeStripeApi;
let host: CellHost;
let stopTestHosts: typeof StopTestHosts;
let saga: ShopClient;
let models: PaymentModels;
const signer = new Stripe('sk_test_signer_only');

beforeAll(async () => {
  events = await startEventCapture();
  stripeApi = await startFakeStripeApi();
  Object.assign(process.env, stripeEnv, {
    STRIPE_API_HOST: stripeApi.host,
    STRIPE_API_PORT: String(stripeApi.port),
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: events.url,
  });
  const testHost = await import('./support/test-host');
  stopTestHosts = testHost.stopTestHosts;
  await testHost.seededTestDatabases();
  host = await testHost.startTestHost(['auth', 'payment']);
  saga = clientOf(host.url, await loginAs(host.url, 'admin@example.com'));
  models = paymentModels(await connectDomainDatabase('payment'));
});
afterAll(async () => {
  await stopTestHosts?.(host);
  await stripeApi?.stop();
  await events?.stop();
  for (const key of [
    ...Object.keys(stripeEnv),
    'STRIPE_API_HOST',
    'STRIPE_API_PORT',
    'INNGEST_DEV',
    'INNGEST_BASE_URL',
  ])
    delete process.env[key];
});

let eventCounter = 0;
function stripeEvent(type: string, object: unknown, id = `evt_test_${(eventCounter += 1)}`) {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
}

function deliver(
  payload: string,
  options: { secret?: string; timestamp?: number; body?: string } = {},
) {
  const signature = signer.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? webhookSecret,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  return request(`${host.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: options.body ?? payload,
  });
}

const eventsFor = (name: string, orderId: string) =>
  events.events.filter((event) => event.name === name && event.data.orderId === orderId);

async function startStripePayment(amountMinor = 12_345) {
  const start = startRequest({ amountMinor });
  const started = await saga.payment.startPayment.mutate(start);
  const intent = [...stripeApi.intents.values()].find(
    (candidate) => candidate.metadata.orderId === start.orderId,
  );
  if (!intent) throw new Error('no intent was created');
  return { start, started, intent };
}

async function paidPayment(amountMinor = 12_345) {
  const payment = await startStripePayment(amountMinor);
  const paid = stripeApi.succeed(payment.intent.id);
  expect((await deliver(stripeEvent('payment_intent.succeeded', paid))).status).toBe(200);
  return payment;
}

const chargeRefunded = (intent: FakeIntent, amountRefunded: number) => ({
  id: intent.latest_charge,
  object: 'charge',
  amount: intent.amount,
  amount_refunded: amountRefunded,
  payment_intent: intent.id,
  refunded: amountRefunded === intent.amount,
});

describe('Stripe PaymentIntents', () => {
  it('tells the storefront to use Stripe, with the publishable key', async () => {
    expect(await clientOf(host.url).payment.config.query()).toEqual({
      provider: 'stripe',
      publishableKey: 'pk_test_payment_tests',
    });
  });

  it('creates one intent per order with the order amount and an idempotency key, however often the saga starts it', async () => {
    const start = startRequest({ amountMinor: 4_990 });
    const starts = await Promise.all(
      Array.from({ length: 10 }, () => saga.payment.startPayment.mutate(start)),
    );
    const intents = [...stripeApi.intents.values()].filter(
      (intent) => intent.metadata.orderId === start.orderId,
    );
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({
      amount: 4_990,
      currency: 'eur',
      metadata: { orderId: start.orderId, orderNumber: start.number },
    });
    const creates = stripeApi.calls.filter(
      (call) =>
        call.path === '/v1/payment_intents' && call.params['metadata[orderId]'] === start.orderId,
    );
    expect(creates.length).toBeGreaterThanOrEqual(1);
    for (const call of creates) {
      expect(call.idempotencyKey).toBe(`order-${start.orderId}-intent`);
      expect(call.params['automatic_payment_methods[enabled]']).toBe('true');
    }
    expect(new Set(starts.map((started) => started.clientSecret))).toEqual(
      new Set([intents[0]?.client_secret]),
    );
    expect(starts[0]).toMatchObject({ provider: 'stripe', status: 'requires_payment' });
    // Started again later (a retried saga step): the same intent and secret.
    const again = await saga.payment.startPayment.mutate(start);
    expect(again.clientSecret).toBe(intents[0]?.client_secret);
  });
});

describe('the Stripe webhook', () => {
  it('handles a verified payment_intent.succeeded once, and ignores its duplicate delivery', async () => {
    const { start, started, intent } = await startStripePayment();
    const payload = stripeEvent('payment_intent.succeeded', stripeApi.succeed(intent.id));
    const first = await deliver(payload);
    expect(first.status).toBe(200);
    const duplicate = await deliver(payload);
    expect(duplicate.status).toBe(200);
    expect(duplicate.json).toMatchObject({ duplicate: true });
    expect(
      eventsFor('payment/payment.succeeded', start.orderId).map((event) => event.data),
    ).toEqual([
      {
        orderId: start.orderId,
        paymentId: started.paymentId,
        provider: 'stripe',
        amountMinor: 12_345,
        currency: 'EUR',
      },
    ]);
    expect(await models.Payment.findOne({ orderId: start.orderId }).lean()).toMatchObject({
      status: 'succeeded',
      capturedMinor: 12_345,
      providerPaymentId: intent.id,
    });
    expect(
      await models.ProcessedWebhookEvent.countDocuments({ eventId: JSON.parse(payload).id }),
    ).toBe(1);
  });

  it('refuses a tampered body, a wrong secret, an old timestamp and a missing signature with 400', async () => {
    const { start, intent } = await startStripePayment();
    const payload = stripeEvent('payment_intent.succeeded', stripeApi.succeed(intent.id));
    const tampered = payload.replace('"amount_received":12345', '"amount_received":1');
    expect(tampered).not.toBe(payload);
    const answers = [
      await deliver(payload, { body: tampered }),
      await deliver(payload, { secret: 'whsec_someone_else' }),
      await deliver(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
      await request(`${host.url}/webhooks/stripe`, { method: 'POST', body: payload }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
    expect((await models.Payment.findOne({ orderId: start.orderId }).lean())?.status).toBe(
      'requires_payment',
    );
    expect(eventsFor('payment/payment.succeeded', start.orderId)).toHaveLength(0);
  });

  it('ignores a replayed older event about a payment that has moved on', async () => {
    const { start, intent } = await paidPayment();
    const failedBefore = stripeEvent('payment_intent.payment_failed', {
      ...intent,
      status: 'requires_payment_method',
      last_payment_error: {
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Declined',
      },
    });
    const answer = await deliver(failedBefore);
    expect(answer.status).toBe(200);
    expect((await models.Payment.findOne({ orderId: start.orderId }).lean())?.status).toBe(
      'succeeded',
    );
    expect(eventsFor('payment/payment.failed', start.orderId)).toHaveLength(0);
  });

  it('turns payment_intent.payment_failed into payment.failed with the decline code', async () => {
    const { start, intent } = await startStripePayment();
    const failed = stripeApi.fail(
      intent.id,
      'insufficient_funds',
      'Your card has insufficient funds.',
    );
    expect((await deliver(stripeEvent('payment_intent.payment_failed', failed))).status).toBe(200);
    expect(eventsFor('payment/payment.failed', start.orderId)[0]?.data).toMatchObject({
      code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      provider: 'stripe',
    });
  });

  it('records payment_intent.requires_action without telling the saga', async () => {
    const { start, intent } = await startStripePayment();
    const waiting = { ...intent, status: 'requires_action' };
    expect((await deliver(stripeEvent('payment_intent.requires_action', waiting))).status).toBe(
      200,
    );
    expect((await models.Payment.findOne({ orderId: start.orderId }).lean())?.status).toBe(
      'requires_action',
    );
    expect(eventsFor('payment/payment.succeeded', start.orderId)).toHaveLength(0);
    expect(eventsFor('payment/payment.failed', start.orderId)).toHaveLength(0);
  });
});

describe('Stripe refunds', () => {
  it('refunds partly then fully, with an idempotency key per refund, and refuses more than was captured', async () => {
    const { start, intent } = await paidPayment();
    const part = {
      orderId: start.orderId,
      amountMinor: 3_000,
      reason: 'damaged',
      idempotencyKey: 'stripe-refund-part',
    };
    const first = await saga.payment.refund.mutate(part);
    const retried = await saga.payment.refund.mutate(part);
    expect(retried.refundId).toBe(first.refundId);
    expect(stripeApi.refunds.filter((refund) => refund.payment_intent === intent.id)).toEqual([
      expect.objectContaining({ amount: 3_000 }),
    ]);
    const refundCalls = () =>
      stripeApi.calls.filter(
        (call) => call.path === '/v1/refunds' && call.params.payment_intent === intent.id,
      );
    expect(refundCalls().map((call) => call.idempotencyKey)).toEqual(['refund-stripe-refund-part']);

    const over = await refusal(
      saga.payment.refund.mutate({
        ...part,
        amountMinor: 9_346,
        idempotencyKey: 'stripe-refund-over',
      }),
    );
    expect(over).toEqual({
      code: 'CONFLICT',
      message: `Only €93.45 of order ${start.number} can still be refunded`,
    });
    expect(refundCalls()).toHaveLength(1); // refused before asking Stripe

    const rest = await saga.payment.refund.mutate({
      ...part,
      amountMinor: 9_345,
      idempotencyKey: 'stripe-refund-rest',
    });
    expect(rest.totalRefundedMinor).toBe(12_345);
    expect(
      eventsFor('payment/refund.succeeded', start.orderId).map((event) => event.data.amountMinor),
    ).toEqual([3_000, 9_345]);
    // Stripe then reports the charge fully refunded: nothing new to record.
    const refunded = await deliver(stripeEvent('charge.refunded', chargeRefunded(intent, 12_345)));
    expect(refunded.json).toMatchObject({ outcome: 'refunds already recorded' });
    expect(eventsFor('payment/refund.succeeded', start.orderId)).toHaveLength(2);
  });

  it('gives the amount back when Stripe refuses the refund', async () => {
    const { start } = await paidPayment();
    stripeApi.failNextRefund = true;
    const refused = await refusal(
      saga.payment.refund.mutate({
        orderId: start.orderId,
        amountMinor: 5_000,
        idempotencyKey: 'stripe-refund-disputed',
      }),
    );
    expect(refused.code).toBe('BAD_GATEWAY');
    expect(refused.message).toContain('This charge is disputed.');
    expect(await models.Payment.findOne({ orderId: start.orderId }).lean()).toMatchObject({
      refundedMinor: 0,
      refundableMinor: 12_345,
    });
    const later = await saga.payment.refund.mutate({
      orderId: start.orderId,
      amountMinor: 12_345,
      idempotencyKey: 'stripe-refund-after-dispute',
    });
    expect(later.totalRefundedMinor).toBe(12_345);
  });

  it('records a refund made in the Stripe dashboard (charge.refunded) once', async () => {
    const { start, intent } = await paidPayment();
    const payload = stripeEvent('charge.refunded', chargeRefunded(intent, 2_000));
    await deliver(payload);
    await deliver(stripeEvent('charge.refunded', chargeRefunded(intent, 2_000)));
    expect(eventsFor('payment/refund.succeeded', start.orderId).map((event) => event.data)).toEqual(
      [expect.objectContaining({ amountMinor: 2_000, totalRefundedMinor: 2_000 })],
    );
  });
});

describe('cancelling a Stripe payment for an order', () => {
  it('cancels an unpaid intent with its own idempotency key', async () => {
    const { start, intent } = await startStripePayment();
    expect(
      await saga.payment.cancelForOrder.mutate({ orderId: start.orderId, reason: 'timeout' }),
    ).toEqual({ status: 'canceled', refundedMinor: 0 });
    expect(stripeApi.intents.get(intent.id)?.status).toBe('canceled');
    const cancel = stripeApi.calls.find(
      (call) => call.path === `/v1/payment_intents/${intent.id}/cancel`,
    );
    expect(cancel?.idempotencyKey).toBe(`order-${start.orderId}-cancel`);
  });

  it('refunds an intent the shopper paid just before the cancellation, and the saga never hears of the success', async () => {
    const { start, intent } = await startStripePayment();
    stripeApi.succeed(intent.id); // paid at Stripe; the webhook has not arrived yet
    expect(
      await saga.payment.cancelForOrder.mutate({ orderId: start.orderId, reason: 'timeout' }),
    ).toEqual({ status: 'succeeded', refundedMinor: 12_345 });
    expect(stripeApi.refunds.filter((refund) => refund.payment_intent === intent.id)).toHaveLength(
      1,
    );
    // The late webhook changes nothing.
    await deliver(stripeEvent('payment_intent.succeeded', stripeApi.intents.get(intent.id)));
    expect(eventsFor('payment/payment.succeeded', start.orderId)).toHaveLength(0);
  });
});
