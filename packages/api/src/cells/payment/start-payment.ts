import { finalPaymentStatuses, type PaymentDocument } from '@shop/db/payment';
import { currentTraceparent } from '@shop/telemetry';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { StartPaymentInput } from './inputs';
import type { StartPaymentOutput } from './views';
import { isDuplicateKeyError } from '@shop/db/claims';
import { paymentDatabase } from './database';
import { cashOnDelivery } from './providers/cash-on-delivery';
import { cardProvider } from './providers/choose-provider';
import { PaymentProviderError } from './providers/payment-provider';

export const intentIdempotencyKey = (orderId: string) => `order-${orderId}-intent`;

/**
 * One payment per order: the payment's `_id` is the order's id, so concurrent or retried starts
 * find (or collide with) the same record, and the processor is asked with one idempotency key
 * (`order-<orderId>-intent`), so it creates one intent. Amount and currency are the saga's (the
 * order's totals); a second start with different ones is refused.
 */
export async function startOrderPayment(
  input: StartPaymentInput,
  logger: Logger,
): Promise<StartPaymentOutput> {
  const { Payment } = await paymentDatabase.models();
  const _id = new Types.ObjectId(input.orderId);
  const cash = input.method === 'cash_on_delivery';
  const provider = cash ? cashOnDelivery.provider : cardProvider().name;

  // Created first, read only when it exists already (a retried or concurrent start): a new
  // order's payment costs one write, not a read that finds nothing and then the write.
  let payment: PaymentDocument | null;
  const traceparent = currentTraceparent();
  try {
    payment = await Payment.create({
      _id,
      orderId: input.orderId,
      orderNumber: input.number,
      provider,
      method: input.method,
      status: cash ? cashOnDelivery.initialStatus : 'requires_payment',
      amountMinor: input.amountMinor,
      currency: input.currency,
      ...(input.accountId ? { accountId: new Types.ObjectId(input.accountId) } : {}),
      ...(input.email || input.name
        ? { billingDetails: { name: input.name, email: input.email } }
        : {}),
      idempotencyKey: cash
        ? cashOnDelivery.idempotencyKey(input.orderId)
        : intentIdempotencyKey(input.orderId),
      // The checkout's trace (the saga step calling us), continued by the outcome event.
      ...(traceparent ? { traceparent } : {}),
    });
    logger.info({ orderId: input.orderId, paymentId: _id.toString(), provider }, 'payment created');
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    payment = await Payment.findById(_id);
  }
  if (!payment) throw new Error('payment vanished after a duplicate insert');
  assertSameRequest(payment, input);

  if (
    payment.provider !== 'cash' &&
    !payment.providerPaymentId &&
    payment.status === 'requires_payment'
  ) {
    const created = await createProviderPayment(payment, input);
    return outputOf(created.payment, created.clientSecret);
  }
  return outputOf(payment);
}

function assertSameRequest(payment: PaymentDocument, input: StartPaymentInput): void {
  if (
    payment.amountMinor !== input.amountMinor ||
    payment.currency !== input.currency ||
    payment.method !== input.method
  ) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `Order ${payment.orderNumber} already has a payment of ${payment.amountMinor} ${payment.currency} (${payment.method ?? 'card'}); it cannot be started again differently`,
    });
  }
}

async function createProviderPayment(
  payment: PaymentDocument,
  input: StartPaymentInput,
): Promise<{ payment: PaymentDocument; clientSecret?: string }> {
  const { Payment } = await paymentDatabase.models();
  const provider = cardProvider();
  let created;
  try {
    created = await provider.createPayment({
      orderId: input.orderId,
      orderNumber: payment.orderNumber,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      idempotencyKey: payment.idempotencyKey,
      email: input.email,
    });
  } catch (error) {
    if (error instanceof PaymentProviderError) {
      throw new TRPCError({ code: 'BAD_GATEWAY', message: error.message, cause: error });
    }
    throw error;
  }
  // The first caller to record its intent wins; a concurrent one (the test processor made it a
  // different id, Stripe the same) reads what won.
  const recorded = await Payment.findOneAndUpdate(
    { _id: payment._id, providerPaymentId: { $exists: false } },
    {
      $set: {
        providerPaymentId: created.providerPaymentId,
        ...(provider.name === 'test' ? { clientSecret: created.clientSecret } : {}),
      },
    },
    { returnDocument: 'after' },
  );
  if (recorded) return { payment: recorded, clientSecret: created.clientSecret };
  return { payment: (await Payment.findById(payment._id)) ?? payment };
}

/** `knownSecret`: the client secret the provider just returned (saves asking Stripe again). */
async function outputOf(
  payment: PaymentDocument,
  knownSecret?: string,
): Promise<StartPaymentOutput> {
  const provider = payment.provider ?? 'test';
  const settled = (finalPaymentStatuses as readonly string[]).includes(payment.status);
  let clientSecret = knownSecret;
  if (provider === 'test') clientSecret = payment.clientSecret ?? undefined;
  else if (clientSecret) {
    // Stripe's secret, straight from the intent just created.
  } else if (provider === 'stripe' && payment.providerPaymentId && !settled)
    clientSecret = await cardProvider().clientSecretOf(payment.providerPaymentId);
  return {
    paymentId: payment._id.toString(),
    provider,
    status: payment.status,
    ...(clientSecret && !settled ? { clientSecret } : {}),
  };
}
