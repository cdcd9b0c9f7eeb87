import { inngestFor } from '../../../events/inngest-client';
import { paymentFailed } from '../../payment/events';
import { sagaRetries } from '../saga/saga-failure';
import { cancelForFailedPaymentStep } from '../saga/settle-order';

/**
 * Cancels the order on the payment's failure even when the saga was not yet waiting for it.
 * Idempotent with the saga's own settle steps (the cancellation is a conditional update).
 */
export const cancelOrderOnPaymentFailure = inngestFor('order').createFunction(
  { id: 'cancel-order-on-payment-failure', triggers: [paymentFailed], retries: sagaRetries },
  async ({ event, step }) =>
    step.run(cancelForFailedPaymentStep.id, () =>
      cancelForFailedPaymentStep.run({
        orderId: event.data.orderId,
        message: event.data.message,
        actor: 'payment-failed',
      }),
    ),
);
