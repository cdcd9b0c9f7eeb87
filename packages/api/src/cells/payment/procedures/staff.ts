import { TRPCError } from '@trpc/server';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { paymentForOrder } from '../cancel-for-order';
import { paymentDatabase } from '../database';
import type { ForOrderInput, RefundInput } from '../inputs';
import { refundPayment } from '../refunds';
import { paymentViewOf, refundViewOf, type ForOrderOutput, type RefundOutput } from '../views';

/** A staff refund (`payments:refund`) of part or all of what the order's payment captured. */
export async function refund({
  input,
  ctx,
}: HandlerArgs<RefundInput, SignedInContext>): Promise<RefundOutput> {
  const payment = await paymentForOrder(input.orderId);
  if (!payment) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'This order has no payment to refund' });
  }
  ctx.logger.info(
    { orderId: input.orderId, amountMinor: input.amountMinor, staffId: ctx.identity.accountId },
    'staff refund requested',
  );
  return refundPayment(payment, input, ctx.logger);
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
