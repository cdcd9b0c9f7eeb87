import { inngestFor } from '../../../events/inngest-client';
import { releaseDiscountUse } from '../discounts';
import { orderCancelled } from '../events';
import { findOrder } from '../order-transitions';
import { reserveStockStep } from '../saga/reserve-stock';
import { sagaRetries } from '../saga/saga-failure';
import { startPaymentStep } from '../saga/start-payment';

/** This function's steps (ids: the executor stores runs by them). */
export const compensationStepIds = {
  giveBackStock: 'give-back-stock',
  cancelPayment: 'cancel-payment',
  giveBackDiscountUse: 'give-back-discount-use',
} as const;

/**
 * Undoes what a cancelled order took, whoever cancelled it, with the saga steps' own undos: the
 * stock hold is released (or, for a paid order, its committed units go back on hand), the
 * payment is cancelled or everything captured refunded; and the discount code's use is given
 * back. Each step is idempotent and retried on its own, so a cell that is down only delays it.
 */
export const compensateCancelledOrder = inngestFor('order').createFunction(
  { id: 'compensate-cancelled-order', triggers: [orderCancelled], retries: sagaRetries },
  async ({ event, step }) => {
    const { orderId, number } = event.data;
    // Read outside a step: once cancelled, nothing below changes on the order any more. An order
    // cancelled before the saga moved it to PAYMENT_PROCESSING (sold out, or cancelled while
    // PENDING) holds no stock and has no payment; the saga gives back anything it takes after.
    const order = await findOrder(orderId);
    const reachedPayment = Boolean(order?.reservationId || order?.payment);
    const stock = reachedPayment
      ? await step.run(compensationStepIds.giveBackStock, () =>
          reserveStockStep.compensate({ orderId, number }),
        )
      : 'none';
    const payment = reachedPayment
      ? await step.run(compensationStepIds.cancelPayment, () =>
          startPaymentStep.compensate({ orderId, number, undoReason: event.data.message }),
        )
      : { status: 'none' as const, refundedMinor: 0 };
    const discount = await step.run(compensationStepIds.giveBackDiscountUse, () =>
      releaseDiscountUse(orderId),
    );
    return { stock, payment, discountReleased: discount };
  },
);
