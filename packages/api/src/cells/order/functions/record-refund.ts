import { formatMoney } from '@shop/money';
import { inngestFor } from '../../../events/inngest-client';
import { refundSucceeded } from '../../payment/events';
import { orderRefunded } from '../events';
import { findOrder, orderDatabase, toObjectId } from '../order-transitions';
import { sagaRetries } from '../saga/saga-failure';
import { orderRef, sendOrderEvent } from '../send-order-event';

/** This function's step (id: the executor stores runs by it). */
export const recordRefundStepIds = { recordRefund: 'record-refund' } as const;

/**
 * A refund went through at the payment cell (staff refund, or a cancellation's): the order adds
 * it to `refundedMinor` and `refunds[]` and notes it in its history, then `order/order.refunded`
 * tells the shopper. One conditional update guarded by "this refund id is not recorded yet", so a
 * redelivered event counts once.
 */
export const recordRefund = inngestFor('order').createFunction(
  { id: 'record-refund', triggers: [refundSucceeded], retries: sagaRetries },
  async ({ event, step }) =>
    step.run(recordRefundStepIds.recordRefund, async () => {
      const { orderId, refundId, amountMinor, currency } = event.data;
      const _id = toObjectId(orderId);
      const order = await findOrder(orderId);
      if (!_id || !order) return { recorded: false };
      const { Order } = await orderDatabase.models();
      const reason = event.data.reason || 'Refund issued';
      await Order.updateOne(
        { _id, 'refunds.refundId': { $ne: refundId } },
        {
          $inc: { refundedMinor: amountMinor },
          $push: {
            refunds: { refundId, amountMinor, reason, at: new Date() },
            history: {
              from: order.status,
              to: order.status,
              at: new Date(),
              actor: { type: 'system', id: 'record-refund' },
              reason: `Refunded ${formatMoney(amountMinor, currency)}: ${reason}`,
            },
          },
        },
      );
      const recorded = await findOrder(orderId);
      if (!recorded) return { recorded: false };
      await sendOrderEvent(
        orderRefunded,
        {
          ...orderRef(recorded),
          refundId,
          amountMinor,
          totalRefundedMinor: recorded.refundedMinor,
          currency,
          reason,
        },
        `order-refunded-${refundId}`,
      );
      return { recorded: true };
    }),
);
