import type { OrderStatus } from '@shop/db/order';
import type { CancelLinkState } from '../cancel-links';
import { maskedEmail } from '../masked-email';
import { cancellableStatuses, type StoredOrder } from './order';

/** `order.requestCancelLink`: where the link went (masked) and until when it works. */
export interface CancelLinkSent {
  sentTo: string;
  expiresAt: string;
}

/**
 * What the emailed link's page shows before and after the shopper confirms: enough to recognise
 * the order (number, total, what happens to the money), nothing of the address or the lines.
 */
export interface CancelLinkOrder {
  orderId: string;
  number: string;
  status: OrderStatus;
  placedAt: string;
  totalMinor: number;
  currency: string;
  itemCount: number;
  /** A paid card order: cancelling refunds it in full. */
  refundOnCancel: boolean;
  /** The link may still cancel the order now. */
  canCancel: boolean;
  /** Cancelled by the shopper (through this link, or before). */
  cancelled: boolean;
  link: CancelLinkState;
}

export function cancelLinkSent(email: string, expiresAt: Date): CancelLinkSent {
  return { sentTo: maskedEmail(email), expiresAt: expiresAt.toISOString() };
}

export function cancelLinkOrder(order: StoredOrder, link: CancelLinkState): CancelLinkOrder {
  const paid = order.status === 'CONFIRMED' || order.status === 'PROCESSING';
  return {
    orderId: String(order._id),
    number: order.number,
    status: order.status,
    placedAt: (order.createdAt ?? order._id.getTimestamp()).toISOString(),
    totalMinor: order.totalMinor,
    currency: order.currency,
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    refundOnCancel:
      paid && order.paymentMethod === 'card' && order.totalMinor > order.refundedMinor,
    canCancel: link === 'live' && cancellableStatuses.includes(order.status),
    cancelled: order.status === 'CANCELLED' && order.cancellation?.code === 'customer_request',
    link,
  };
}
