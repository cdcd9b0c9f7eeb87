import type { PaymentStatus } from '@shop/db/payment';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import { paymentDatabase } from './database';
import { settlePayment } from './payment-outcomes';
import { refundIdFor, sendRefundEvent } from './refunds';

/** A payment the shopper has not finished paying: what Stripe's intent events may move on. */
const open: readonly PaymentStatus[] = ['requires_payment', 'requires_action', 'processing'];

async function paymentOf(intentId: string | null | undefined) {
  if (!intentId) return null;
  const { Payment } = await paymentDatabase.models();
  return Payment.findOne({ providerPaymentId: intentId, provider: 'stripe' });
}

function intentIdOf(value: string | Stripe.PaymentIntent | null): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

/**
 * Applies one verified Stripe event to the payment it concerns. Every change is a conditional
 * transition out of an open status, so an event about an earlier state (a replayed or late
 * `payment_failed` after `succeeded`) changes nothing and sends nothing. Answers what happened.
 */
export async function applyStripeEvent(event: Stripe.Event, logger: Logger): Promise<string> {
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      const payment = await paymentOf(intent.id);
      if (!payment) return 'unknown payment';
      const settled = await settlePayment(payment._id, open, {
        $set: {
          status: 'succeeded',
          capturedMinor: intent.amount_received,
          refundableMinor: intent.amount_received,
        },
      });
      return `payment ${settled.status}`;
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const payment = await paymentOf(intent.id);
      if (!payment) return 'unknown payment';
      const error = intent.last_payment_error;
      const settled = await settlePayment(payment._id, open, {
        $set: {
          status: 'failed',
          failure: {
            code: error?.decline_code ?? error?.code ?? 'payment_failed',
            message: error?.message ?? 'Your payment was not accepted.',
          },
        },
      });
      return `payment ${settled.status}`;
    }
    case 'payment_intent.requires_action':
    case 'payment_intent.processing': {
      const intent = event.data.object;
      const payment = await paymentOf(intent.id);
      if (!payment) return 'unknown payment';
      const status = event.type === 'payment_intent.processing' ? 'processing' : 'requires_action';
      const settled = await settlePayment(payment._id, open, { $set: { status } });
      return `payment ${settled.status}`;
    }
    case 'payment_intent.canceled': {
      const payment = await paymentOf(event.data.object.id);
      if (!payment) return 'unknown payment';
      const settled = await settlePayment(payment._id, open, { $set: { status: 'canceled' } });
      return `payment ${settled.status}`;
    }
    case 'charge.refunded':
      return recordRefundsMadeAtStripe(event.data.object, logger);
    default:
      return 'ignored';
  }
}

/**
 * `charge.refunded` reports the charge's refunded total. Refunds made through this cell are
 * already counted; anything above (a refund made in Stripe's dashboard) is recorded as one refund
 * keyed by the charge and its new total, so a redelivery records it once.
 */
async function recordRefundsMadeAtStripe(charge: Stripe.Charge, logger: Logger): Promise<string> {
  const payment = await paymentOf(intentIdOf(charge.payment_intent));
  if (!payment) return 'unknown payment';
  const { Payment, Refund } = await paymentDatabase.models();
  const extra = charge.amount_refunded - payment.refundedMinor;
  if (extra <= 0) return 'refunds already recorded';
  const idempotencyKey = `stripe-${charge.id}-${charge.amount_refunded}`;
  const counted = await Payment.findOneAndUpdate(
    { _id: payment._id, refundedMinor: payment.refundedMinor, refundableMinor: { $gte: extra } },
    { $inc: { refundedMinor: extra, refundableMinor: -extra } },
    { returnDocument: 'after' },
  );
  // Someone counted a refund in between: Stripe redelivers the event and it is looked at again.
  if (!counted) throw new Error('payment changed while recording a Stripe refund');
  try {
    const refund = await Refund.create({
      _id: refundIdFor(payment, idempotencyKey),
      paymentId: payment._id,
      orderId: payment.orderId ?? payment._id.toString(),
      amountMinor: extra,
      currency: payment.currency,
      reason: 'Refunded in Stripe',
      status: 'succeeded',
      idempotencyKey,
      totalRefundedMinor: counted.refundedMinor,
    });
    await sendRefundEvent(refund);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await Payment.updateOne(
      { _id: payment._id },
      { $inc: { refundedMinor: -extra, refundableMinor: extra } },
    );
  }
  logger.info({ orderId: payment.orderId, amountMinor: extra }, 'refund made at Stripe recorded');
  return 'refund recorded';
}

/** `_id` of a handled Stripe event's record. */
export const processedEventId = (eventId: string) => derivedObjectId('stripe-event', eventId);
