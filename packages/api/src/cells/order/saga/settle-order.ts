import { defineSagaStep } from '../../saga-step';
import { cancelOrder } from '../cancel-order';
import { orderConfirmed } from '../events';
import { findOrder, transitionOrder } from '../order-transitions';
import { orderRef, sendOrderEvent } from '../send-order-event';
import type { StoredOrder } from '../views';
import { startPaymentStep } from './start-payment';
import { commitOrderStock } from './stock-calls';

export type SettleResult = 'confirmed' | 'cancelled' | 'refunded' | 'unchanged';

const sagaActor = (step: string) => ({ type: 'system' as const, id: step });

async function sendConfirmed(order: StoredOrder): Promise<void> {
  await sendOrderEvent(
    orderConfirmed,
    {
      ...orderRef(order),
      lines: order.lines.map((line) => ({
        sku: line.sku,
        name: line.name,
        variantLabel: line.variantLabel ?? '',
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        lineTotalMinor: line.lineTotalMinor,
      })),
      subtotalMinor: order.subtotalMinor,
      discountMinor: order.discountMinor,
      shippingMinor: order.shippingMinor,
      taxMinor: order.taxMinor,
      pricesIncludeTax: order.pricesIncludeTax ?? false,
      totalMinor: order.totalMinor,
      currency: order.currency,
      shippingMethod: order.shipping?.name ?? '',
      paymentMethod: order.paymentMethod,
      shippingAddress: {
        name: order.shippingAddress?.name ?? '',
        line1: order.shippingAddress?.line1 ?? '',
        line2: order.shippingAddress?.line2 ?? '',
        city: order.shippingAddress?.city ?? '',
        region: order.shippingAddress?.region ?? '',
        postcode: order.shippingAddress?.postcode ?? '',
        country: order.shippingAddress?.country ?? '',
      },
      placedAt: (order.createdAt ?? order._id.getTimestamp()).toISOString(),
    },
    `order-confirmed-${String(order._id)}`,
  );
}

/**
 * The payment succeeded (or cash on delivery was accepted): the held units are committed, then
 * the order moves PAYMENT_PROCESSING → CONFIRMED and `order/order.confirmed` goes out. Called by
 * the saga and by the function on `payment/payment.succeeded` (whichever comes first; the other
 * finds the work done). A payment for an order that is no longer waiting for one (cancelled,
 * or its stock hold lapsed) is refunded.
 */
export async function confirmPaidOrder(orderId: string, step: string): Promise<SettleResult> {
  const order = await findOrder(orderId);
  if (!order) return 'unchanged';
  if (order.status === 'CONFIRMED') {
    await sendConfirmed(order); // a retry after the update; the event id makes it one email
    return 'confirmed';
  }
  if (order.status === 'CANCELLED') {
    await startPaymentStep.compensate({
      orderId,
      number: order.number,
      undoReason: 'Payment arrived after the order was cancelled',
    });
    return 'refunded';
  }
  if (order.status !== 'PAYMENT_PROCESSING') return 'unchanged';

  if (!(await commitOrderStock(order))) {
    // The hold lapsed while the shopper paid: cancelling refunds the payment and tells them.
    await cancelOrder(orderId, {
      code: 'payment_timeout',
      message:
        'Your payment arrived after we had to release the items. It has been refunded in full.',
      actor: sagaActor(step),
      from: ['PAYMENT_PROCESSING'],
    });
    return 'cancelled';
  }
  const result = await transitionOrder(orderId, {
    to: 'CONFIRMED',
    from: ['PAYMENT_PROCESSING'],
    actor: sagaActor(step),
    reason: order.paymentMethod === 'cash_on_delivery' ? 'Cash on delivery' : 'Payment received',
    // `waitingOn`: a call made through a cell's outage (saga/cell-outage.ts) ended here.
    unset: { 'payment.clientSecret': 1, waitingOn: 1 },
    // As read above: the update is conditional on PAYMENT_PROCESSING, so a cancellation made
    // during the commit call is still seen.
    current: order,
  });
  if (result?.order.status === 'CONFIRMED') {
    await sendConfirmed(result.order);
    return 'confirmed';
  }
  // Cancelled between the commit and the update: the cancellation's compensation returns the
  // committed units and refunds the payment.
  return 'unchanged';
}

/** The card was declined (or authentication failed): the order is cancelled with the reason. */
export async function cancelForFailedPayment(
  orderId: string,
  message: string,
  step: string,
): Promise<SettleResult> {
  const result = await cancelOrder(orderId, {
    code: 'payment_failed',
    message,
    actor: sagaActor(step),
    from: ['PENDING', 'PAYMENT_PROCESSING'],
    set: { 'payment.failureMessage': message },
  });
  return result?.changed ? 'cancelled' : 'unchanged';
}

/** Which order a settling step settles, and who does it (the history's actor id). */
export interface SettleInput {
  orderId: string;
  actor: string;
}

/** Settles a paid order (the saga's own step, and `confirm-order-on-payment`'s). */
export const confirmOrderStep = defineSagaStep({
  id: 'confirm-order',
  run: ({ orderId, actor }: SettleInput) => confirmPaidOrder(orderId, actor),
});

/** `cancel-order-on-payment-failure`'s step. */
export const cancelForFailedPaymentStep = defineSagaStep({
  id: 'cancel-order',
  run: ({ orderId, actor, message }: SettleInput & { message: string }) =>
    cancelForFailedPayment(orderId, message, actor),
});
