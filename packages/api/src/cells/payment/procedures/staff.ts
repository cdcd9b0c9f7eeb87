import { TRPCError } from '@trpc/server';
import type { HandlerArgs, SignedInContext, StaffArgs } from '../../../trpc/context';
import { paymentForOrder } from '../cancel-for-order';
import { paymentDatabase } from '../database';
import type { ForOrderInput, RefundInput } from '../inputs';
import { refundPayment } from '../refunds';
import { paymentViewOf, refundViewOf, type ForOrderOutput, type RefundOutput } from '../views';

/** A staff refund (`payments:refund`) of part or all of what the order's payment captured. */
export async function refund({ input, ctx }: StaffArgs<RefundInput>): Promise<RefundOutput> {
  const payment = await paymentForOrder(input.orderId);
  if (!payment) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'This order has no payment to refund' });
  }
  ctx.logger.info(
    { orderId: input.orderId, amountMinor: input.amountMinor, staffId: ctx.identity.accountId },
    'staff refund requested',
  );
  const refunded = await refundPayment(payment, input, ctx.logger);
  ctx.audit.record({
    object: { type: 'payment', id: payment._id.toString() },
    before: { orderId: input.orderId, refundedMinor: payment.refundedMinor ?? 0 },
    after: {
      orderId: input.orderId,
      refundedMinor: refunded.totalRefundedMinor,
      refund: { id: refunded.refundId, amountMinor: refunded.amountMinor, reason: input.reason },
      currency: refunded.currency,
    },
  });
  return refunded;
}

/** The order's payments and refunds, oldest first, for the back office's order page. */
export async function forOrder({
  input,
}: HandlerArgs<ForOrderInput, SignedInContext>): Promise<ForOrderOutput> {
  const { Payment, Refund } = await paymentDatabase.models();
  const [payments, refunds] = await Promise.all([
    Payment.find({ orderId: input.orderId }).sort({ createdAt: 1 }),
    Refund.find({ orderId: input.orderId }).sort({ createdAt: 1 }),
  ]);
  return { payments: payments.map(paymentViewOf), refunds: refunds.map(refundViewOf) };
}
