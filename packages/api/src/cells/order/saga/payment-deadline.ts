import { serviceCellClient } from '../../../cross-cell/service-client';
import { defineSagaStep } from '../../saga-step';
import { cancelOrder, type CancelRequest } from '../cancel-order';
import { findOrder } from '../order-transitions';
import { callThroughOutage, orderMovedOn } from './cell-outage';
import { confirmPaidOrder, type SettleInput, type SettleResult } from './settle-order';

/** What the shopper is told when nothing was paid in time. */
export const paymentTimeoutMessage =
  'We did not receive your payment in time, so the order was cancelled and its items released.';

/**
 * Cancels an unsettled order only once the payment cell has confirmed that no payment succeeded
 * (issue 20, defect 5). The payment cell closes the payment at the provider first, so the shopper
 * cannot pay after this answer; where the provider reports it paid (its webhook late, or the
 * success event missed by the saga's wait), the order is confirmed instead of cancelled and
 * refunded. While the payment cell cannot answer, nothing is cancelled: the call throws (and the
 * step is retried), or with `waitThroughOutage` the order shows it is waiting and the call is
 * repeated until the cell is back.
 */
export async function cancelUnlessPaid(
  orderId: string,
  request: CancelRequest,
  options: { waitThroughOutage: boolean },
): Promise<SettleResult> {
  const order = await findOrder(orderId);
  if (!order || !request.from.includes(order.status)) return 'unchanged';
  const ask = () => serviceCellClient().payment.closeUnlessPaid.mutate({ orderId });
  const answer = options.waitThroughOutage
    ? await callThroughOutage({
        orderId,
        service: 'payment',
        whileStatusIn: request.from,
        call: ask,
      })
    : await ask();
  if (answer === orderMovedOn) return 'unchanged';
  if (answer.paid) return confirmPaidOrder(orderId, request.actor.id ?? 'payment-deadline');
  const result = await cancelOrder(orderId, request);
  return result?.changed ? 'cancelled' : 'unchanged';
}

/** Nothing arrived in time: cancelled, unless the payment cell says it was paid meanwhile. */
export function cancelForPaymentTimeout(orderId: string, step: string): Promise<SettleResult> {
  return cancelUnlessPaid(
    orderId,
    {
      code: 'payment_timeout',
      message: paymentTimeoutMessage,
      actor: { type: 'system', id: step },
      from: ['PENDING', 'PAYMENT_PROCESSING'],
    },
    { waitThroughOutage: true },
  );
}

/** The saga's step when no payment outcome arrived in time. */
export const cancelPaymentTimeoutStep = defineSagaStep({
  id: 'cancel-payment-timeout',
  run: ({ orderId, actor }: SettleInput) => cancelForPaymentTimeout(orderId, actor),
});
