import type { RouterOutputs } from '@shop/api/client';

/** `order.get` as the payment and confirmation pages render it (contract: OrderView). */
export type CheckoutOrder = RouterOutputs['order']['get'];

/** Statuses after which the payment step has nothing left to do. */
export function isSettled(status: CheckoutOrder['status']): boolean {
  return status !== 'PENDING' && status !== 'PAYMENT_PROCESSING';
}
