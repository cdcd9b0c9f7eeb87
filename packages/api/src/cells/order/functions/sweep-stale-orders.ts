import { hostConfig } from '../../../config/host';
import { inngestFor } from '../../../events/inngest-client';
import { orderDatabase } from '../order-transitions';
import { cancelUnlessPaid, paymentTimeoutMessage } from '../saga/payment-deadline';
import { orderPaymentTimeout } from '../saga/payment-timeout';

/** This function's step (id: the executor stores runs by it). */
export const sweepStaleOrdersStepIds = { cancelStaleOrders: 'cancel-stale-orders' } as const;

function durationMs(duration: string): number {
  const amount = Number.parseInt(duration, 10);
  const unit = duration.at(-1);
  return amount * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : 1_000);
}

/**
 * The safety net behind the saga: an order still PENDING or PAYMENT_PROCESSING well past its
 * payment timeout (its `order.created` never ran, or its saga failed without the failure handler
 * running) is cancelled, which releases its stock and cancels its payment; one whose payment
 * the payment cell reports paid is confirmed instead. An order the payment cell cannot answer
 * for (it is down) is left for the next minute's sweep. Every minute.
 */
export const sweepStaleOrders = inngestFor('order').createFunction(
  { id: 'sweep-stale-orders', triggers: [{ cron: '* * * * *' }] },
  async ({ step, logger }) =>
    step.run(sweepStaleOrdersStepIds.cancelStaleOrders, async () => {
      const { Order } = await orderDatabase.models();
      // Past the payment timeout by the grace, an unsettled order has lost its saga.
      const graceMs = hostConfig().ORDER_STALE_GRACE_MS;
      const cutoff = new Date(Date.now() - durationMs(orderPaymentTimeout()) - graceMs);
      const stale = await Order.find(
        { status: { $in: ['PENDING', 'PAYMENT_PROCESSING'] }, createdAt: { $lt: cutoff } },
        { _id: 1 },
      )
        .limit(200)
        .lean();
      const outcomes: Record<string, number> = {};
      for (const order of stale) {
        const outcome = await cancelUnlessPaid(
          String(order._id),
          {
            code: 'payment_timeout',
            message: paymentTimeoutMessage,
            actor: { type: 'system', id: 'sweep-stale-orders' },
            from: ['PENDING', 'PAYMENT_PROCESSING'],
          },
          { waitThroughOutage: false },
        ).catch((error: unknown) => {
          // The payment cell down (or any other failure for this order): the others still get
          // their turn, and the next minute's sweep asks again.
          logger.warn({ orderId: String(order._id), error: String(error) }, 'stale order left');
          return 'left for the next sweep';
        });
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      return outcomes;
    }),
);
