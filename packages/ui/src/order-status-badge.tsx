import { Badge, type BadgeTone } from './badge';

/**
 * The order statuses of the state machine (`@shop/db` order-statuses.ts), repeated here because
 * the design system does not depend on the database package. Unknown values still render (as
 * their raw name) so a status added later never breaks a page.
 */
export type OrderStatusName =
  | 'PENDING'
  | 'PAYMENT_PROCESSING'
  | 'CONFIRMED'
  | 'PROCESSING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED';

const labels: Record<OrderStatusName, string> = {
  PENDING: 'Placed',
  PAYMENT_PROCESSING: 'Awaiting payment',
  CONFIRMED: 'Confirmed',
  PROCESSING: 'Being prepared',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};

const tones: Record<OrderStatusName, BadgeTone> = {
  PENDING: 'neutral',
  PAYMENT_PROCESSING: 'warning',
  CONFIRMED: 'info',
  PROCESSING: 'info',
  SHIPPED: 'accent',
  DELIVERED: 'success',
  CANCELLED: 'danger',
};

function isKnown(status: string): status is OrderStatusName {
  return Object.hasOwn(labels, status);
}

/** The words a shopper or staff member reads for a status ("Being prepared" for PROCESSING). */
export function orderStatusLabel(status: string): string {
  return isKnown(status) ? labels[status] : status;
}

export interface OrderStatusBadgeProps {
  status: string;
  className?: string;
}

/**
 * An order's status as a badge. The text says the status (colour is decoration), and the raw
 * status rides along in `data-status` for tests and scripts.
 */
export function OrderStatusBadge({ status, className }: OrderStatusBadgeProps) {
  return (
    <Badge
      tone={isKnown(status) ? tones[status] : 'neutral'}
      dot
      className={className}
      data-status={status}
      data-testid="order-status"
    >
      {orderStatusLabel(status)}
    </Badge>
  );
}
