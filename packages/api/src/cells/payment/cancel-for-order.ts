import type { PaymentDocument } from '@shop/db/payment';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { CancelForOrderInput } from './inputs';
import type { CancelForOrderOutput } from './views';
import { paymentDatabase } from './database';
import { cancelAtProvider, unsettledStatuses as unsettled } from './provider-cancel';
import { refundPayment } from './refunds';

export async function paymentForOrder(orderId: string): Promise<PaymentDocument | null> {
  const { Payment } = await paymentDatabase.models();
  return Payment.findById(new Types.ObjectId(orderId));
}

/**
 * The order is cancelled (payment failed or timed out, the customer or staff cancelled): an
 * unpaid payment is cancelled at the provider, a captured one refunded in full of what is left.
 * Idempotent: a retry finds the payment cancelled, or the cancellation's refund (key
 * `cancel-<orderId>`) already made.
 */
export async function cancelOrderPayment(
  input: CancelForOrderInput,
  logger: Logger,
): Promise<CancelForOrderOutput> {
  const { Payment } = await paymentDatabase.models();
  let payment = await paymentForOrder(input.orderId);
  if (!payment) return { status: 'none', refundedMinor: 0 };

  if (unsettled.includes(payment.status)) {
    const outcome = await cancelAtProvider(payment, input.orderId);
    const update =
      outcome === 'canceled'
        ? { $set: { status: 'canceled' as const } }
        : {
            // Paid at Stripe just before the cancel: count it as captured, then refund it below.
            // The success event is marked sent, so the cancelled order's saga never hears it.
            $set: {
              status: 'succeeded' as const,
              capturedMinor: payment.amountMinor,
              refundableMinor: payment.amountMinor,
              outcomeEventSentAt: new Date(),
            },
          };
    payment =
      (await Payment.findOneAndUpdate({ _id: payment._id, status: { $in: unsettled } }, update, {
        returnDocument: 'after',
      })) ?? (await Payment.findById(payment._id));
    if (!payment) throw new Error('payment disappeared while cancelling');
    logger.info({ orderId: input.orderId, status: payment.status }, 'payment cancelled for order');
  }

  if (payment.status === 'succeeded' && payment.refundableMinor > 0) {
    await refundPayment(
      payment,
      {
        amountMinor: payment.refundableMinor,
        reason: input.reason || 'Order cancelled',
        idempotencyKey: `cancel-${input.orderId}`,
        replayAnyAmount: true,
      },
      logger,
    );
    payment = (await Payment.findById(payment._id)) ?? payment;
  }
  return { status: payment.status, refundedMinor: payment.refundedMinor };
}
