import { serviceCellClient } from '../../../cross-cell/service-client';
import type { StoredOrder } from '../views';
import { serviceErrorCode, serviceErrorMessage } from './service-errors';

export type ReserveOutcome = { reserved: true } | { reserved: false; message: string };

/** "Sorry, Linen Shirt (Blue / M) sold out before we could reserve it." */
function soldOutMessage(order: StoredOrder, errorMessage: string): string {
  const shortSkus = new Set(
    (errorMessage.match(/Not enough stock for (.+)$/)?.[1] ?? '').split(/,\s*/),
  );
  const names = order.lines
    .filter((line) => shortSkus.has(line.sku))
    .map((line) => (line.variantLabel ? `${line.name} (${line.variantLabel})` : line.name));
  const what = names.length > 0 ? names.join(', ') : 'An item in your order';
  return `Sorry, ${what} sold out before we could reserve it. You have not been charged.`;
}

/**
 * Holds the order's units at the product cell, reservation id = order number, so a retried step
 * gets the same hold back. Not enough stock (or a SKU gone) is an answer, not an error; anything
 * else (the product cell down, "still being made") throws so the step is retried.
 */
export async function reserveOrderStock(order: StoredOrder): Promise<ReserveOutcome> {
  try {
    await serviceCellClient().product.reserveStock.mutate({
      reservationId: order.number,
      lines: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    });
    return { reserved: true };
  } catch (error) {
    const code = serviceErrorCode(error);
    const message = serviceErrorMessage(error);
    if (code === 'NOT_FOUND' || (code === 'CONFLICT' && !/retry shortly/.test(message))) {
      return { reserved: false, message: soldOutMessage(order, message) };
    }
    throw error;
  }
}

/**
 * Gives the order's units back whatever became of its hold: an active one is released, a
 * committed one (paid, then cancelled) is returned to stock, a missing one was never taken.
 */
export async function giveBackOrderStock(order: StoredOrder): Promise<string> {
  const product = serviceCellClient().product;
  const reservationId = order.reservationId ?? order.number;
  try {
    return (await product.releaseStock.mutate({ reservationId })).status;
  } catch (error) {
    const code = serviceErrorCode(error);
    if (code === 'NOT_FOUND') return 'none';
    if (code === 'CONFLICT' && /already committed/.test(serviceErrorMessage(error))) {
      return (await product.returnStock.mutate({ reservationId })).status;
    }
    throw error;
  }
}

/**
 * The sale is final: the held units leave stock. `false` when the hold is gone (expired or
 * released while the payment was pending), so the order cannot be fulfilled from it.
 */
export async function commitOrderStock(order: StoredOrder): Promise<boolean> {
  try {
    await serviceCellClient().product.commitStock.mutate({
      reservationId: order.reservationId ?? order.number,
    });
    return true;
  } catch (error) {
    const code = serviceErrorCode(error);
    if (code === 'CONFLICT' || code === 'NOT_FOUND') return false;
    throw error;
  }
}
