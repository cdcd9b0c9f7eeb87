import { inngestFor } from '../../../events/inngest-client';
import { cancelOrder } from '../cancel-order';
import { orderDatabase } from '../order-transitions';
import { orderPaymentTimeout } from '../saga/payment-timeout';

/** This function's step (id: the executor stores runs by it). */
export const sweepStaleOrdersStepIds = { cancelStaleOrders: 'cancel-stale-orders' } as const;

/** Past the payment timeout by this much, an unsettled order has lost its saga. */
const graceMs = 2 * 60_000;

function durationMs(duration: string): number {
  const amount = Number.parseInt(duration, 10);
  const unit = duration.at(-1);
  return amount * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : 1_000);
}

/**
 * The safety net behind the saga: an order still PENDING or PAYMENT_PROCESSING well past its
 * payment timeout (its `order.created` never ran, or its saga failed without the failure handler
 * running) is cancelled, which releases its stock and cancels its payment. Every minute.
 */
export const sweepStaleOrders = inngestFor('order').createFunction(
  { id: 'sweep-stale-orders', triggers: [{ cron: '* * * * *' }] },
  async ({ step }) =>
    step.run(sweepStaleOrdersStepIds.cancelStaleOrders, async () => {
      const { Order } = await orderDatabase.models();
      const cutoff = new Date(Date.now() - durationMs(orderPaymentTimeout()) - graceMs);
      const stale = await Order.find(
        { status: { $in: ['PENDING', 'PAYMENT_PROCESSING'] }, createdAt: { $lt: cutoff } },
        { _id: 1 },
      )
        .limit(200)
        .lean();
      for (const order of stale) {
        await cancelOrder(String(order._id), {
          code: 'payment_timeout',
          message:
            'We did not receive your payment in time, so the order was cancelled and its items released.',
          actor: { type: 'system', id: 'sweep-stale-orders' },
          from: ['PENDING', 'PAYMENT_PROCESSING'],
        });
      }
      return { cancelled: stale.length };
    }),
);
