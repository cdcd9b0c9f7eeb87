import { inngestFor } from '../../../events/inngest-client';
import { paymentFailed, paymentSucceeded } from '../../payment/events';
import { orderCancelled, orderCreated } from '../events';
import { orderPaymentTimeout } from '../saga/payment-timeout';
import { reserveStockStep } from '../saga/reserve-stock';
import { cancelAfterSagaFailure, sagaRetries } from '../saga/saga-failure';
import {
  cancelPaymentTimeoutStep,
  confirmOrderStep,
  type SettleResult,
} from '../saga/settle-order';
import { startPaymentStep } from '../saga/start-payment';

/** The saga's waits for the payment's outcome (step ids: the executor stores runs by them). */
export const paymentWaitStepIds = {
  succeeded: 'wait-payment-succeeded',
  failed: 'wait-payment-failed',
  orderCancelled: 'wait-order-cancelled',
} as const;

/**
 * The order saga (shared/DESIGN.md): reserve stock → take payment → confirm, each step durable
 * and idempotent (reservation id = order number, one payment per order id), every failure
 * compensated. Amounts always come from the stored order, never from the event or a browser.
 * The steps and their undos are in `saga/` (`reserveStockStep`, `startPaymentStep`...).
 *
 * Cancellation, from here or from the shopper/staff, is one conditional update plus
 * `order/order.cancelled`, whose function (`compensate-cancelled-order`) calls the steps' undos:
 * stock back, payment cancelled or refunded. Where a step of this saga finds the order cancelled
 * after it took something (a hold, a payment) it calls that undo itself, since the compensation
 * may have run before it was taken.
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
    const { orderId, number } = event.data;

    const reserved = await step.run(reserveStockStep.id, () =>
      reserveStockStep.run({ orderId, number }),
    );
    if (reserved.outcome !== 'reserved') return reserved;

    const started = await step.run(startPaymentStep.id, () =>
      startPaymentStep.run({ orderId, number }),
    );
    if (started.outcome !== 'started') return started;

    let settled: SettleResult | 'payment_succeeded' | 'payment_failed' | 'cancelled_meanwhile';
    if (started.provider === 'cash' || started.status === 'succeeded') {
      settled = await step.run(confirmOrderStep.id, () =>
        confirmOrderStep.run({ orderId, actor: 'order-saga/confirm-order' }),
      );
    } else {
      const timeout = orderPaymentTimeout();
      const match = 'data.orderId';
      // Whichever comes first. The order itself is settled by `confirm-order-on-payment` and
      // `cancel-order-on-payment-failure`, triggered by the same events: they run even for an
      // outcome sent before these waits began, and doing the work once keeps checkout fast. The
      // saga's own job here is the deadline.
      const woken = await Promise.race([
        step.waitForEvent(paymentWaitStepIds.succeeded, {
          event: paymentSucceeded,
          timeout,
          match,
        }),
        step.waitForEvent(paymentWaitStepIds.failed, { event: paymentFailed, timeout, match }),
        step.waitForEvent(paymentWaitStepIds.orderCancelled, {
          event: orderCancelled,
          timeout,
          match,
        }),
      ]);
      if (woken?.name === paymentSucceeded.name) settled = 'payment_succeeded';
      else if (woken?.name === paymentFailed.name) settled = 'payment_failed';
      else if (woken) settled = 'cancelled_meanwhile';
      else {
        settled = await step.run(cancelPaymentTimeoutStep.id, () =>
          cancelPaymentTimeoutStep.run({ orderId, actor: 'order-saga/payment-timeout' }),
        );
      }
    }
    return { outcome: settled };
  },
);
