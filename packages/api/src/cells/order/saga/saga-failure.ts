import { cancelUnlessPaid } from './payment-deadline';

/**
 * Step retries of the saga and the functions that settle or compensate an order: 10, chosen for
 * the real engine's schedule (15 s, 30 s, 1, 2, 5, 10, 20, 40 min, 1 h, 2 h, each plus up to
 * 30 s jitter). A cell that is down answers through `saga/cell-outage.ts` with `Retry-After: 2s`,
 * which replaces the table: 11 attempts of about 22 s ride out some four minutes of outage. Any
 * other error uses the table: the last retry comes about 4 h 19 min (to 4 h 24 min) after the
 * first attempt, which suits settling and compensating (a refund is worth retrying for hours);
 * for the saga, `sweep-stale-orders` cancels the unpaid order long before (12 minutes), and the
 * saga's later attempts find it cancelled.
 */
export const sagaRetries = 10;

/**
 * The saga gave up (a cell unreachable through every retry): the order is cancelled while still
 * unpaid, and its compensation gives back whatever was taken; one the payment cell reports paid
 * is confirmed instead. While the payment cell cannot answer this throws (the failure handler is
 * retried), and `sweep-stale-orders` asks again every minute after the deadline.
 */
export async function cancelAfterSagaFailure(orderId: string): Promise<void> {
  await cancelUnlessPaid(
    orderId,
    {
      code: 'payment_failed',
      message:
        'We could not complete your order because of a problem on our side. Anything charged is refunded; please try again.',
      actor: { type: 'system', id: 'order-saga/failed' },
      from: ['PENDING', 'PAYMENT_PROCESSING'],
    },
    { waitThroughOutage: false },
  );
}
