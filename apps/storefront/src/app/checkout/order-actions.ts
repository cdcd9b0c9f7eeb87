'use server';

import { loadOrder, type OrderView } from '@/server/order-access-read';

/**
 * The order as this browser may see it, for the payment and confirmation pages' polling while
 * the saga works (null when the cell does not answer this time; the page keeps polling).
 */
export async function latestOrder(orderId: string): Promise<OrderView | 'not-found' | null> {
  const result = await loadOrder(String(orderId));
  if (result.ok) return result.data;
  return result.failure === 'not-found' ? 'not-found' : null;
}
