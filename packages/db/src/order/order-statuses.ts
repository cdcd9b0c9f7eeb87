/**
 * The order state machine (shared/DESIGN.md):
 * PENDING -> PAYMENT_PROCESSING -> CONFIRMED -> PROCESSING -> SHIPPED -> DELIVERED,
 * and PENDING or PAYMENT_PROCESSING -> CANCELLED when payment fails or times out.
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
  CONFIRMED: ['PROCESSING'],
  PROCESSING: ['SHIPPED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};
