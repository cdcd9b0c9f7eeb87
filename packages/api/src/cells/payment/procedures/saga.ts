import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { cancelOrderPayment } from '../cancel-for-order';
import { closeUnlessPaid as closeOrderPaymentUnlessPaid } from '../close-unless-paid';
import type { CancelForOrderInput, CloseUnlessPaidInput, StartPaymentInput } from '../inputs';
import { startOrderPayment } from '../start-payment';
import type { CancelForOrderOutput, CloseUnlessPaidOutput, StartPaymentOutput } from '../views';

/**
 * What the order saga calls with its service identity (`payments:process`): start the order's
 * payment, close it at the deadline unless it was paid, and cancel (or refund) it when the order
 * is cancelled.
 */

export function startPayment({
  input,
  ctx,
}: HandlerArgs<StartPaymentInput, SignedInContext>): Promise<StartPaymentOutput> {
  return startOrderPayment(input, ctx.logger);
}

export function cancelForOrder({
  input,
  ctx,
}: HandlerArgs<CancelForOrderInput, SignedInContext>): Promise<CancelForOrderOutput> {
  return cancelOrderPayment(input, ctx.logger);
}

export function closeUnlessPaid({
  input,
  ctx,
}: HandlerArgs<CloseUnlessPaidInput, SignedInContext>): Promise<CloseUnlessPaidOutput> {
  return closeOrderPaymentUnlessPaid(input, ctx.logger);
}
