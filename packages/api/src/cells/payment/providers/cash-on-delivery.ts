/**
 * Cash on delivery: nothing is charged when the order is placed. The payment waits in
 * `pending_collection`; the order saga confirms the order without waiting, and the payment counts
 * as captured once the order is delivered (`functions.ts`, on `order/order.delivered`).
 */
export const cashOnDelivery = {
  provider: 'cash',
  initialStatus: 'pending_collection',
  idempotencyKey: (orderId: string) => `order-${orderId}-cash`,
} as const;
