import { orderCancelled, orderCreated } from '../events';
import { paymentFailed, paymentSucceeded } from '../../payment/events';
import { inngestFor } from '../../../events/inngest-client';
import { serviceCellClient } from '../../../cross-cell/service-client';
import { findOrder, orderDatabase, toObjectId, transitionOrder } from '../order-transitions';
import { cancelOrder } from './cancel-order';
import { cancelAfterSagaFailure, sagaRetries } from './saga-failure';
import { orderPaymentTimeout } from './payment-timeout';
import { cancelForPaymentTimeout, confirmPaidOrder, type SettleResult } from './settle-order';
import { giveBackOrderStock, reserveOrderStock } from './stock-calls';

/** What a step hands back when the order was cancelled (by the shopper or staff) under it. */
const cancelledMeanwhile = { outcome: 'cancelled_meanwhile' } as const;

/**
 * The order saga (shared/DESIGN.md): reserve stock → take payment → confirm, each step durable
 * and idempotent (reservation id = order number, one payment per order id), every failure
 * compensated. Amounts always come from the stored order, never from the event or a browser.
 *
 * Cancellation, from here or from the shopper/staff, is one conditional update plus
 * `order/order.cancelled`, whose function (`compensate-cancelled-order`) gives stock back and
 * cancels or refunds the payment. Where a step of this saga finds the order cancelled after it
 * took something (a hold, a payment) it gives that back itself, since the compensation may have
 * run before it was taken.
 */
export const orderSaga = inngestFor('order').createFunction(
  {
    id: 'order-saga',
    triggers: [orderCreated],
    // A cell restarting or briefly unreachable must not end the saga: each step is idempotent.
    retries: sagaRetries,
    // Retries exhausted (a cell down for long): the order is cancelled rather than left PENDING.
    onFailure: async ({ event }) => {
      const { orderId } = event.data.event.data;
      await cancelAfterSagaFailure(orderId);
    },
  },
  async ({ event, step }) => {
    const { orderId } = event.data;

    const reserved = await step.run('reserve-stock', async () => {
      const order = await findOrder(orderId);
      // A retry after the sold-out update but before its event: cancelling again resends it.
      const soldOut = order?.cancellation?.code === 'sold_out' ? order.cancellation : undefined;
      if (!order || (order.status !== 'PENDING' && !soldOut)) return cancelledMeanwhile;
      const outcome = soldOut
        ? { reserved: false as const, message: soldOut.message }
        : await reserveOrderStock(order);
      if (outcome.reserved) return { outcome: 'reserved' as const };
      await cancelOrder(orderId, {
        code: 'sold_out',
        message: outcome.message,
        actor: { type: 'system', id: 'order-saga/reserve-stock' },
        from: ['PENDING'],
      });
      return { outcome: 'sold_out' as const };
    });
    if (reserved.outcome !== 'reserved') return reserved;

    const started = await step.run('start-payment', async () => {
      const moved = await transitionOrder(orderId, {
        to: 'PAYMENT_PROCESSING',
        from: ['PENDING'],
        actor: { type: 'system', id: 'order-saga/start-payment' },
        reason: 'Stock reserved',
        set: { reservationId: event.data.number },
      });
      const order = moved?.order;
      if (!order || order.status !== 'PAYMENT_PROCESSING') {
        if (order) await giveBackOrderStock(order);
        return cancelledMeanwhile;
      }
      const payment = await serviceCellClient().payment.startPayment.mutate({
        orderId,
        number: order.number,
        amountMinor: order.totalMinor,
        currency: order.currency,
        method: order.paymentMethod,
        ...(order.accountId && { accountId: String(order.accountId) }),
        ...(order.customer?.email && { email: order.customer.email }),
        ...(order.customer?.name && { name: order.customer.name }),
      });
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
        },
      );
      if (stored.matchedCount === 0) {
        await serviceCellClient().payment.cancelForOrder.mutate({
          orderId,
          reason: 'Order cancelled while the payment was being started',
        });
        return cancelledMeanwhile;
      }
      return { outcome: 'started' as const, provider: payment.provider, status: payment.status };
    });
    if (started.outcome !== 'started') return started;

    let settled: SettleResult | 'payment_succeeded' | 'payment_failed' | 'cancelled_meanwhile';
    if (started.provider === 'cash' || started.status === 'succeeded') {
      settled = await step.run('confirm-order', () =>
        confirmPaidOrder(orderId, 'order-saga/confirm-order'),
      );
    } else {
      const timeout = orderPaymentTimeout();
      const match = 'data.orderId';
      // Whichever comes first. The order itself is settled by `confirm-order-on-payment` and
      // `cancel-order-on-payment-failure`, triggered by the same events: they run even for an
      // outcome sent before these waits began, and doing the work once keeps checkout fast. The
      // saga's own job here is the deadline.
      const woken = await Promise.race([
        step.waitForEvent('wait-payment-succeeded', { event: paymentSucceeded, timeout, match }),
        step.waitForEvent('wait-payment-failed', { event: paymentFailed, timeout, match }),
        step.waitForEvent('wait-order-cancelled', { event: orderCancelled, timeout, match }),
      ]);
      if (woken?.name === paymentSucceeded.name) settled = 'payment_succeeded';
      else if (woken?.name === paymentFailed.name) settled = 'payment_failed';
      else if (woken) settled = 'cancelled_meanwhile';
      else {
        settled = await step.run('cancel-payment-timeout', () =>
          cancelForPaymentTimeout(orderId, 'order-saga/payment-timeout'),
        );
      }
    }
    return { outcome: settled };
  },
);
