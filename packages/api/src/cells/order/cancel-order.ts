import type { OrderStatus } from '@shop/db/order';
import { orderCancelled, type orderCancellationCodes } from './events';
import { transitionOrder, type OrderActor, type TransitionResult } from './order-transitions';
import type { StoredOrder } from './views';
import { orderRef, sendOrderEvent } from './send-order-event';

export type CancellationCode = (typeof orderCancellationCodes)[number];

export interface CancelRequest {
  code: CancellationCode;
  /** A sentence for the shopper, shown on the order and in the email. */
  message: string;
  actor: OrderActor;
  from: readonly OrderStatus[];
  /** More fields written with the status (e.g. the payment's failure message). */
  set?: Record<string, unknown>;
}

/** A paid card order cancelled before shipping gets back everything captured and not yet refunded. */
function refundDue(order: StoredOrder, from: OrderStatus): number {
  const paid = from === 'CONFIRMED' || from === 'PROCESSING';
  return paid && order.paymentMethod === 'card'
    ? Math.max(0, order.totalMinor - order.refundedMinor)
    : 0;
}

/**
 * Cancels the order (one conditional update) and sends `order/order.cancelled`, which starts the
 * durable compensation (`compensate-cancelled-order`: stock back, payment cancelled or refunded,
 * discount use given back). A retry after the update but before the send sends again with the
 * same event id, so the compensation and the email happen once.
 */
export async function cancelOrder(
  orderId: string,
  request: CancelRequest,
): Promise<TransitionResult | undefined> {
  const result = await transitionOrder(orderId, {
    to: 'CANCELLED',
    from: request.from,
    actor: request.actor,
    reason: request.message,
    set: { ...request.set, cancellation: { code: request.code, message: request.message } },
    // `waitingOn`: a call made through a cell's outage (saga/cell-outage.ts) ended here.
    unset: { 'payment.clientSecret': 1, waitingOn: 1 },
  });
  if (!result) return undefined;
  const { order } = result;
  if (order.status !== 'CANCELLED' || order.cancellation?.code !== request.code) return result;
  const from = result.changed ? result.from : previousStatus(order);
  const { email, ...ref } = orderRef(order);
  await sendOrderEvent(
    orderCancelled,
    {
      ...ref,
      // Nobody is emailed about orders cancelled because their account was deleted.
      ...(request.code !== 'account_deleted' && email && { email }),
      code: request.code,
      message: order.cancellation.message,
      refundedMinor: refundDue(order, from),
      totalMinor: order.totalMinor,
      currency: order.currency,
    },
    `order-cancelled-${String(order._id)}`,
  );
  return result;
}

function previousStatus(order: StoredOrder): OrderStatus {
  const last = order.history.findLast((entry) => entry.to === 'CANCELLED');
  return last?.from ?? 'PENDING';
}
