import { inngestFor } from '../../../events/inngest-client';
import { paymentFailed, paymentSucceeded } from '../../payment/events';
import { orderCancelled, orderCreated } from '../events';
import { holdStockAndStartPaymentStep } from '../saga/hold-stock-and-start-payment';
import { orderPaymentTimeout } from '../saga/payment-timeout';
import { cancelAfterSagaFailure, sagaRetries } from '../saga/saga-failure';
import { cancelPaymentTimeoutStep } from '../saga/payment-deadline';
import { confirmOrderStep, type SettleResult } from '../saga/settle-order';

/** The saga's wait for the card payment (its step id: the executor stores runs by it). */
export const paymentWaitStepId = 'wait-payment-succeeded';

/** The saga ends at once (as `Cancelled`) on these, for its order: nothing is left for it to do. */
const sameOrder = 'event.data.orderId == async.data.orderId';

/**
 * The order saga (shared/DESIGN.md): reserve stock → take payment → confirm, each step durable
 * and idempotent (reservation id = order number, one payment per order id), every failure
 * compensated. Amounts always come from the stored order, never from the event or a browser.
 * The steps and their undos are in `saga/` (`holdStockAndStartPaymentStep`, made of
 * `reserveStockStep` and `startPaymentStep` with their undos, `confirmOrderStep`...).
 *
 * Cancellation, from here or from the shopper/staff, is one conditional update plus
 * `order/order.cancelled`, whose function (`compensate-cancelled-order`) calls the steps' undos:
 * stock back, payment cancelled or refunded. Where a step of this saga finds the order cancelled
 * after it took something (a hold, a payment) it calls that undo itself, since the compensation
 * may have run before it was taken.
 *
 * Waiting for the card payment is ONE `waitForEvent` (success), and the other outcomes cancel the
 * run (`cancelOn`). Not a race of three waits: on the real engine the SDK (v4, optimised
 * parallelism) reports the three waits together, and the engine calls the function again only
 * when all three have ended; even in race mode (`group.parallel({ mode: 'race' })`) the SDK
 * reports the losing, still open waits again instead of returning, so the run would stay open
 * until the payment timeout (10 minutes) after every card payment. See docs/orders.md.
 */
export const orderSaga = inngestFor('order').createFunction(
  {
    id: 'order-saga',
    triggers: [orderCreated],
    // A cell restarting or briefly unreachable must not end the saga: each step is idempotent.
    retries: sagaRetries,
    // A failed payment or a cancelled order ends the saga at once: `cancel-order-on-payment-
    // failure` and `compensate-cancelled-order` do the work, and a step in flight finds the order
    // cancelled and undoes what it took. (The saga's own timeout cancellation ends it this way.)
    cancelOn: [
      { event: paymentFailed.name, if: sameOrder },
      { event: orderCancelled.name, if: sameOrder },
    ],
    // Retries exhausted (a cell down for long): the order is cancelled rather than left PENDING.
    onFailure: async ({ event }) => {
      const { orderId } = event.data.event.data;
      await cancelAfterSagaFailure(orderId);
    },
  },
  async ({ event, step }) => {
    const { orderId, number } = event.data;

    // Stock, then payment, in one step (saga/hold-stock-and-start-payment.ts says why).
    const started = await step.run(holdStockAndStartPaymentStep.id, () =>
      holdStockAndStartPaymentStep.run({ orderId, number }),
    );
    if (started.outcome !== 'started') return started;

    let settled: SettleResult | 'payment_succeeded';
    if (started.provider === 'cash' || started.status === 'succeeded') {
      settled = await step.run(confirmOrderStep.id, () =>
        confirmOrderStep.run({ orderId, actor: 'order-saga/confirm-order' }),
      );
    } else {
      // The order itself is confirmed by `confirm-order-on-payment`, triggered by the same
      // event: it runs even for a payment that succeeded before this wait began, and doing the
      // work once keeps checkout fast. The saga's own job here is the deadline.
      const paid = await step.waitForEvent(paymentWaitStepId, {
        event: paymentSucceeded,
        timeout: orderPaymentTimeout(),
        match: 'data.orderId',
      });
      settled = paid
        ? 'payment_succeeded'
        : await step.run(cancelPaymentTimeoutStep.id, () =>
            cancelPaymentTimeoutStep.run({ orderId, actor: 'order-saga/payment-timeout' }),
          );
    }
    return { outcome: settled };
  },
);
