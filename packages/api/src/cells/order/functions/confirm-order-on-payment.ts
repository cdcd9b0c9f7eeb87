import { inngestFor } from '../../../events/inngest-client';
import { paymentSucceeded } from '../../payment/events';
import { sagaRetries } from '../saga/saga-failure';
import { confirmOrderStep } from '../saga/settle-order';

/**
 * Settles the order on the payment's success even when the saga was not yet waiting for it (a
 * test card confirmed within milliseconds of the pay page appearing) or no longer is (timed out,
 * cancelled: the payment is then refunded). Idempotent with the saga's own settle steps.
 *
 * The work is the function's whole body, not a `step.run`: a step would only memoize a result for
 * code after it, and there is none, so the step cost a second call from Inngest on every order.
 * A failed attempt is retried as the function (same `sagaRetries`), and `confirmPaidOrder` is
 * idempotent (an order already CONFIRMED only re-sends its event, deduplicated by id).
 */
export const confirmOrderOnPayment = inngestFor('order').createFunction(
  { id: 'confirm-order-on-payment', triggers: [paymentSucceeded], retries: sagaRetries },
  async ({ event }) =>
    confirmOrderStep.run({ orderId: event.data.orderId, actor: 'payment-succeeded' }),
);
