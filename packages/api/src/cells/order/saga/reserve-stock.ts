import { defineSagaStep } from '../../saga-step';
import { cancelOrder } from '../cancel-order';
import { callThroughOutage, orderMovedOn } from './cell-outage';
import { findOrder } from '../order-transitions';
import { giveBackOrderStock, reserveOrderStock } from './stock-calls';
import type { StoredOrder } from '../views';

/** The order a saga step acts on, as every order event names it. */
export interface SagaOrderRef {
  orderId: string;
  /** The order number, which is also the id of its stock reservation. */
  number: string;
}

/** What a step hands back when the order was cancelled (by the shopper or staff) under it. */
export const cancelledMeanwhile = { outcome: 'cancelled_meanwhile' } as const;

/**
 * Holds the order's units at the product cell (reservation id = order number, so a retried step
 * gets the same hold back). Not enough stock: the order is cancelled as sold out and nothing is
 * held. Undo: the units go back whatever became of the hold (an active one is released, a
 * committed one returned to stock, a missing one was never taken).
 */
export const reserveStockStep = defineSagaStep({
  id: 'reserve-stock',
  run: async ({ orderId }: SagaOrderRef) => reserveStockFor(orderId, await findOrder(orderId)),
  compensate: async ({ orderId }: SagaOrderRef): Promise<string> => {
    const order = await findOrder(orderId);
    return order ? giveBackOrderStock(order) : 'none';
  },
});

/**
 * `reserveStockStep`'s work on the order as the caller just read it (the saga's first step reads
 * it once for both halves).
 */
export async function reserveStockFor(orderId: string, order: StoredOrder | undefined) {
  // A retry after the sold-out update but before its event: cancelling again resends it.
  const soldOut = order?.cancellation?.code === 'sold_out' ? order.cancellation : undefined;
  if (!order || (order.status !== 'PENDING' && !soldOut)) return cancelledMeanwhile;
  const outcome = soldOut
    ? { reserved: false as const, message: soldOut.message }
    : await callThroughOutage({
        orderId,
        service: 'product',
        whileStatusIn: ['PENDING'],
        call: () => reserveOrderStock(order),
      });
  // Cancelled while the product cell was unreachable: nothing was held.
  if (outcome === orderMovedOn) return cancelledMeanwhile;
  if (outcome.reserved) return { outcome: 'reserved' as const };
  await cancelOrder(orderId, {
    code: 'sold_out',
    message: outcome.message,
    actor: { type: 'system', id: 'order-saga/reserve-stock' },
    from: ['PENDING'],
  });
  return { outcome: 'sold_out' as const };
}
