import type { Logger } from 'pino';
import { paymentForOrder } from './cancel-for-order';
import { paymentDatabase } from './database';
import type { CloseUnlessPaidInput } from './inputs';
import { settlePayment } from './payment-outcomes';
import { cancelAtProvider, unsettledStatuses } from './provider-cancel';
import type { CloseUnlessPaidOutput } from './views';

/**
 * The order's payment deadline has passed (or its saga gave up): the order cell may cancel the
 * order only if no payment succeeded. The provider decides, not our copy: an unpaid payment is
 * cancelled there first, so the shopper cannot pay a moment after we said no; a payment the
 * provider reports as paid (its webhook not yet arrived, or the success event missed by the
 * saga) is recorded as succeeded and its `payment.succeeded` sent, and the answer is `paid`, so
 * the order is confirmed instead of cancelled and refunded. Idempotent: a retry finds the payment
 * cancelled or succeeded and answers the same.
 */
export async function closeUnlessPaid(
  input: CloseUnlessPaidInput,
  logger: Logger,
): Promise<CloseUnlessPaidOutput> {
  let payment = await paymentForOrder(input.orderId);
  if (!payment) return { paid: false, status: 'none' };
  // Cash on delivery accepted is the saga's "paid": the order ships and the courier collects.
  const accepted = (status: string) =>
    status === 'succeeded' || (payment?.provider === 'cash' && status === 'pending_collection');
  if (accepted(payment.status)) return { paid: true, status: payment.status };
  if (!unsettledStatuses.includes(payment.status)) return { paid: false, status: payment.status };

  const outcome = await cancelAtProvider(payment, input.orderId);
  if (outcome === 'already_succeeded') {
    payment = await settlePayment(payment._id, unsettledStatuses, {
      $set: {
        status: 'succeeded',
        capturedMinor: payment.amountMinor,
        refundableMinor: payment.amountMinor,
      },
    });
  } else {
    const { Payment } = await paymentDatabase.models();
    payment =
      (await Payment.findOneAndUpdate(
        { _id: payment._id, status: { $in: unsettledStatuses } },
        { $set: { status: 'canceled' } },
        { returnDocument: 'after' },
      )) ?? (await Payment.findById(payment._id));
    if (!payment) throw new Error('payment disappeared while closing');
  }
  logger.info(
    { orderId: input.orderId, status: payment.status },
    'payment closed at the order deadline',
  );
  return { paid: accepted(payment.status), status: payment.status };
}
