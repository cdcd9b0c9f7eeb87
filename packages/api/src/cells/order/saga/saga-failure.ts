import { cancelOrder } from '../cancel-order';

/**
 * Step retries of the saga and the functions that settle or compensate an order. Inngest backs
 * off exponentially, so ten retries ride out a restart of the product or payment cell.
 */
export const sagaRetries = 10;

/**
 * What the shopper is told when the saga gave up (a cell unreachable through every retry): the
 * order is cancelled while still unpaid, and its compensation gives back whatever was taken.
 */
export async function cancelAfterSagaFailure(orderId: string): Promise<void> {
  await cancelOrder(orderId, {
    code: 'payment_failed',
    message:
      'We could not complete your order because of a problem on our side. Anything charged is refunded; please try again.',
    actor: { type: 'system', id: 'order-saga/failed' },
    from: ['PENDING', 'PAYMENT_PROCESSING'],
  });
}
