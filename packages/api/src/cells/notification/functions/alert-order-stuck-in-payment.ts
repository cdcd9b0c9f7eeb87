import { hostConfig } from '../../../config/host';
import { inngestFor } from '../../../events/inngest-client';
import { orderCancelled, orderConfirmed, orderCreated } from '../../../events/schemas';
import { raiseAndNotify } from '../staff-alert-steps';

export const waitForPaymentStepId = 'wait-for-payment';
export const waitPastTimeoutStepId = 'wait-past-timeout';

/**
 * An order stuck in payment: placed, and after twice the payment timeout (by which the saga has
 * either confirmed it or cancelled it) neither has happened. The run is cancelled by the order's
 * confirmation or cancellation, so a healthy order raises nothing; one alert per order.
 */
export const alertOrderStuckInPayment = inngestFor('notification').createFunction(
  {
    id: 'alert-order-stuck-in-payment',
    retries: 5,
    triggers: [orderCreated],
    cancelOn: [
      { event: orderConfirmed, match: 'data.orderId' },
      { event: orderCancelled, match: 'data.orderId' },
    ],
  },
  async ({ event, step }) => {
    const timeout = hostConfig().ORDER_PAYMENT_TIMEOUT;
    await step.sleep(waitForPaymentStepId, timeout);
    await step.sleep(waitPastTimeoutStepId, timeout);
    return raiseAndNotify(step, {
      kind: 'order-stuck-in-payment',
      cause: event.data.orderId,
      title: `Order ${event.data.number} is stuck in payment`,
      detail: `Placed with ${event.data.paymentMethod === 'card' ? 'card' : 'cash on delivery'} payment and neither confirmed nor cancelled after twice the payment timeout (${timeout} each). Check the payment and the order.`,
      href: `/orders/${event.data.orderId}`,
    });
  },
);
