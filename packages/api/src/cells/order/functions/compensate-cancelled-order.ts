import { orderCancelled } from '../events';
import { inngestFor } from '../../../events/inngest-client';
import { sagaRetries } from './saga-failure';
import { serviceCellClient } from '../../../cross-cell/service-client';
import { releaseDiscountUse } from '../discounts';
import { findOrder } from '../order-transitions';
import { giveBackOrderStock } from './stock-calls';

/**
 * Undoes what a cancelled order took, whoever cancelled it: the stock hold is released (or, for
 * a paid order, its committed units go back on hand), the payment is cancelled or everything
 * captured refunded, and the discount code's use is given back. Each step is idempotent and
 * retried on its own, so a cell that is down only delays it.
 */
export const compensateCancelledOrder = inngestFor('order').createFunction(
  { id: 'compensate-cancelled-order', triggers: [orderCancelled], retries: sagaRetries },
  async ({ event, step }) => {
    const { orderId } = event.data;
    // Read outside a step: once cancelled, nothing below changes on the order any more. An order
    // cancelled before the saga moved it to PAYMENT_PROCESSING (sold out, or cancelled while
    // PENDING) holds no stock and has no payment; the saga gives back anything it takes after.
    const order = await findOrder(orderId);
    const reachedPayment = Boolean(order?.reservationId || order?.payment);
    const stock = reachedPayment
      ? await step.run('give-back-stock', async () => {
          const current = await findOrder(orderId);
          return current ? giveBackOrderStock(current) : 'none';
        })
      : 'none';
    const payment = reachedPayment
      ? await step.run('cancel-payment', async () =>
          serviceCellClient().payment.cancelForOrder.mutate({
            orderId,
            reason: event.data.message.slice(0, 500),
          }),
        )
      : { status: 'none' as const, refundedMinor: 0 };
    const discount = await step.run('give-back-discount-use', () => releaseDiscountUse(orderId));
    return { stock, payment, discountReleased: discount };
  },
);
