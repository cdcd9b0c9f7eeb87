import type { Payment, PaymentDocument, PaymentStatus } from '@shop/db/payment';
import { continueTrace } from '@shop/telemetry';
import type { Types, UpdateQuery } from 'mongoose';
import { sendEvent } from '../../events/inngest-client';
import { paymentOutcomes } from '../../observability/business-metrics';
import { paymentFailed, paymentSucceeded } from '../../events/schemas';
import { paymentDatabase } from './database';

/**
 * Moves a payment from one of `from` to its outcome with one conditional update, so of two
 * concurrent deliveries (a webhook retried, a confirm clicked twice) exactly one wins; the other
 * reads the winner's result. A payment that ended succeeded or failed then has its event sent
 * (again, if an earlier attempt to send it failed), which drives the order saga.
 */
export async function settlePayment(
  paymentId: Types.ObjectId,
  from: readonly PaymentStatus[],
  update: UpdateQuery<Payment> & { $set: Partial<Payment> },
): Promise<PaymentDocument> {
  const { Payment } = await paymentDatabase.models();
  const moved = await Payment.findOneAndUpdate({ _id: paymentId, status: { $in: from } }, update, {
    returnDocument: 'after',
  });
  // Counted by the one caller whose update moved it, so a retried webhook is not counted twice.
  if (moved && (moved.status === 'succeeded' || moved.status === 'failed')) {
    paymentOutcomes.labels(moved.status, moved.provider ?? 'unknown').inc();
  }
  const settled = moved ?? (await Payment.findById(paymentId));
  if (!settled) throw new Error(`payment ${paymentId.toString()} disappeared`);
  await sendOutcomeEvent(settled);
  return settled;
}

/**
 * Sends `payment.succeeded`/`payment.failed` for a settled payment whose event has not gone out.
 * The send is claimed first (`outcomeEventSentAt` set only where unset), so two concurrent callers
 * never both send; a failed send gives the claim back, and the next delivery or retry sends it.
 */
export async function sendOutcomeEvent(payment: PaymentDocument): Promise<void> {
  if (payment.outcomeEventSentAt || !payment.orderId || payment.provider === 'cash') return;
  if (payment.status !== 'succeeded' && payment.status !== 'failed') return;
  const { Payment } = await paymentDatabase.models();
  const claimed = await Payment.updateOne(
    { _id: payment._id, outcomeEventSentAt: { $exists: false } },
    { $set: { outcomeEventSentAt: new Date() } },
  );
  if (claimed.modifiedCount !== 1) return;
  const provider = payment.provider ?? 'test';
  const { orderId } = payment;
  try {
    // Sent in the checkout's trace (stored when the payment was created), whichever request
    // settled the payment, so the confirmation and its email join the order's trace.
    await continueTrace(payment.traceparent, () => sendOutcome(payment, orderId, provider));
  } catch (error) {
    await Payment.updateOne({ _id: payment._id }, { $unset: { outcomeEventSentAt: 1 } });
    throw error;
  }
}

async function sendOutcome(
  payment: PaymentDocument,
  orderId: string,
  provider: NonNullable<PaymentDocument['provider']>,
): Promise<void> {
  if (payment.status === 'succeeded') {
    await sendEvent('payment', paymentSucceeded, {
      orderId,
      paymentId: payment._id.toString(),
      provider,
      amountMinor: payment.capturedMinor,
      currency: payment.currency,
    });
  } else {
    await sendEvent('payment', paymentFailed, {
      orderId,
      paymentId: payment._id.toString(),
      provider,
      code: payment.failure?.code ?? 'payment_failed',
      message: payment.failure?.message ?? 'The payment failed.',
    });
  }
}
