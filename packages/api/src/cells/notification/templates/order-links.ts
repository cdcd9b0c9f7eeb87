import type { OrderRef } from './order-props';

/**
 * Where the shopper sees the order: an account holder's order page (they sign in to see it), or
 * for a guest the tracking page with the number filled in (they add their email there; the link
 * carries no access token, so a forwarded email does not open the order).
 */
export function orderLink(storefrontUrl: string, order: OrderRef): string {
  return order.accountId
    ? `${storefrontUrl}/account/orders/${encodeURIComponent(order.orderId)}`
    : `${storefrontUrl}/orders/track?number=${encodeURIComponent(order.number)}`;
}
