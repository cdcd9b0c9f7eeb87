/**
 * The order state machine (shared/DESIGN.md):
 * PENDING -> PAYMENT_PROCESSING -> CONFIRMED -> PROCESSING -> SHIPPED -> DELIVERED,
 * and PENDING or PAYMENT_PROCESSING -> CANCELLED when payment fails or times out. A customer may
 * also cancel a paid order until it ships (CONFIRMED or PROCESSING -> CANCELLED, refunded).
 */
export const orderStatuses = [
  'PENDING',
  'PAYMENT_PROCESSING',
  'CONFIRMED',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Which statuses each status may move to; the order cell enforces this. */
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['PAYMENT_PROCESSING', 'CANCELLED'],
  PAYMENT_PROCESSING: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['PROCESSING', 'CANCELLED'],
  PROCESSING: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}
