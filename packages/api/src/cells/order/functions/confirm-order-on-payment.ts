import { paymentFailed, paymentSucceeded } from '../../payment/events';
import { inngestFor } from '../../../events/inngest-client';
import { sagaRetries } from './saga-failure';
import { cancelForFailedPayment, confirmPaidOrder } from './settle-order';

/**
 * Settle the order on the payment's outcome even when the saga was not yet waiting for it (a
 * test card confirmed within milliseconds of the pay page appearing) or no longer is (timed out,
 * cancelled: the payment is then refunded). Idempotent with the saga's own settle steps.
 */
export const confirmOrderOnPayment = inngestFor('order').createFunction(
  { id: 'confirm-order-on-payment', triggers: [paymentSucceeded], retries: sagaRetries },
  async ({ event, step }) =>
    step.run('confirm-order', () => confirmPaidOrder(event.data.orderId, 'payment-succeeded')),
);

export const cancelOrderOnPaymentFailure = inngestFor('order').createFunction(
  { id: 'cancel-order-on-payment-failure', triggers: [paymentFailed], retries: sagaRetries },
  async ({ event, step }) =>
    step.run('cancel-order', () =>
      cancelForFailedPayment(event.data.orderId, event.data.message, 'payment-failed'),
    ),
);
