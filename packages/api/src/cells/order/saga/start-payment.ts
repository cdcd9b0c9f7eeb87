import { serviceCellClient } from '../../../cross-cell/service-client';
import { defineSagaStep } from '../../saga-step';
import { announceOrderChange } from '../order-changes';
import { callThroughOutage, orderMovedOn } from './cell-outage';
import { orderDatabase, toObjectId, transitionOrder } from '../order-transitions';
import { cancelledMeanwhile, reserveStockStep, type SagaOrderRef } from './reserve-stock';
import type { StoredOrder } from '../views';

export interface StartPaymentInput extends SagaOrderRef {
  /** Why the payment is undone; the payment cell keeps it with the cancellation or refund. */
  undoReason?: string;
}

/**
 * The undo of `start-payment`: the order's payment is cancelled if unsettled, and whatever it
 * captured is refunded. One payment per order id at the payment cell, so a repeat does nothing.
 */
async function cancelOrderPayment({ orderId, undoReason }: StartPaymentInput) {
  return serviceCellClient().payment.cancelForOrder.mutate({
    orderId,
    reason: (undoReason ?? 'Order cancelled').slice(0, 500),
  });
}

/**
 * Moves the order to PAYMENT_PROCESSING and starts its payment at the payment cell, storing what
 * the pay page needs. An order cancelled meanwhile gets back what was taken for it: its stock
 * (the order was cancelled before this step moved it) or the payment just started (cancelled
 * after the move), since the cancellation's compensation may have run before either was taken.
 */
export const startPaymentStep = defineSagaStep({
  id: 'start-payment',
  run: (ref: StartPaymentInput) => startPaymentFor(ref),
  compensate: cancelOrderPayment,
});

/**
 * `startPaymentStep`'s work; `readOrder`: the order as the caller read it before reserving its
 * stock (the saga's first step reads it once), so moving it needs no second read.
 */
export async function startPaymentFor({ orderId, number }: SagaOrderRef, readOrder?: StoredOrder) {
  const moved = await transitionOrder(orderId, {
    to: 'PAYMENT_PROCESSING',
    from: ['PENDING'],
    actor: { type: 'system', id: 'order-saga/start-payment' },
    reason: 'Stock reserved',
    set: { reservationId: number },
    // The product cell answered (reserve-stock may have waited for it).
    unset: { waitingOn: 1 },
    ...(readOrder && { current: readOrder }),
    // Announced with the payment below (or by `waitingOn` while the payment cell is down).
    announce: false,
  });
  const order = moved?.order;
  if (!order || order.status !== 'PAYMENT_PROCESSING') {
    if (order) await reserveStockStep.compensate({ orderId, number });
    return cancelledMeanwhile;
  }
  const payment = await callThroughOutage({
    orderId,
    service: 'payment',
    whileStatusIn: ['PAYMENT_PROCESSING'],
    call: () =>
      serviceCellClient().payment.startPayment.mutate({
        orderId,
        number: order.number,
        amountMinor: order.totalMinor,
        currency: order.currency,
        method: order.paymentMethod,
        ...(order.accountId && { accountId: String(order.accountId) }),
        ...(order.customer?.email && { email: order.customer.email }),
        ...(order.customer?.name && { name: order.customer.name }),
      }),
  });
  // Cancelled while the payment cell was unreachable: no payment was started, and the
  // cancellation's compensation gives the stock back.
  if (payment === orderMovedOn) return cancelledMeanwhile;
  // Shown to the shopper's pay page from now on (the card form needs the client secret).
  const { Order } = await orderDatabase.models();
  const stored = await Order.updateOne(
    { _id: toObjectId(orderId), status: 'PAYMENT_PROCESSING' },
    {
      $set: {
        payment: {
          paymentId: payment.paymentId,
          provider: payment.provider,
          ...(payment.clientSecret && { clientSecret: payment.clientSecret }),
        },
      },
      $unset: { waitingOn: 1 },
    },
  );
  announceOrderChange(orderId);
  if (stored.matchedCount === 0) {
    // This step's own undo (`compensate` below).
    await cancelOrderPayment({
      orderId,
      number,
      undoReason: 'Order cancelled while the payment was being started',
    });
    return cancelledMeanwhile;
  }
  return { outcome: 'started' as const, provider: payment.provider, status: payment.status };
}
