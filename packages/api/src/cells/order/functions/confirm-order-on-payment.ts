import { inngestFor } from '../../../events/inngest-client';
import { paymentSucceeded } from '../../payment/events';
import { sagaRetries } from '../saga/saga-failure';
import { confirmOrderStep } from '../saga/settle-order';

/**
 * Settles the order on the payment's success even when the saga was not yet waiting for it (a
 * test card confirmed within milliseconds of the pay page appearing) or no longer is (timed out,
 * cancelled: the payment is then refunded). Idempotent with the saga's own settle steps.
 */
export const confirmOrderOnPayment = inngestFor('order').createFunction(
  { id: 'confirm-order-on-payment', triggers: [paymentSucceeded], retries: sagaRetries },
  async ({ event, step }) =>
    step.run(confirmOrderStep.id, () =>
      confirmOrderStep.run({ orderId: event.data.orderId, actor: 'payment-succeeded' }),
    ),
);
