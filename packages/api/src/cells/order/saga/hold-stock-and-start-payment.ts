import { defineSagaStep } from '../../saga-step';
import { findOrder } from '../order-transitions';
import { reserveStockFor, type SagaOrderRef } from './reserve-stock';
import { startPaymentFor } from './start-payment';

/**
 * The saga's first step: holds the order's stock (`reserveStockStep`), then moves the order to
 * PAYMENT_PROCESSING and starts its payment (`startPaymentStep`). One step, not two: what the
 * reservation answers only decides whether to go on, and both halves are idempotent at the cell
 * they call (reservation id = order number, one payment per order id), so a step boundary between
 * them bought nothing but one more call from Inngest on every order. An attempt retried after an
 * earlier one moved the order to PAYMENT_PROCESSING (the stock is held) goes straight to the
 * payment. Each half keeps its own undo, which the compensation calls. The order is read once
 * here for both halves: the move to PAYMENT_PROCESSING is conditional on the status read, so a
 * change made meanwhile (a cancellation) is still seen.
 */
export const holdStockAndStartPaymentStep = defineSagaStep({
  id: 'hold-stock-and-start-payment',
  run: async (ref: SagaOrderRef) => {
    const order = await findOrder(ref.orderId);
    if (order?.status !== 'PAYMENT_PROCESSING') {
      const reserved = await reserveStockFor(ref.orderId, order);
      if (reserved.outcome !== 'reserved') return reserved;
    }
    return startPaymentFor(ref, order);
  },
});
