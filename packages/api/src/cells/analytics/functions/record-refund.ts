import { inngestFor } from '../../../events/inngest-client';
import { orderRefunded } from '../../../events/schemas';
import { recordEventStep } from '../record-event';

/**
 * Every refund (a staff refund or a cancellation's), once per refund id, for refunds and net
 * sales in the sales report. No email or name is kept.
 */
export const recordRefund = inngestFor('analytics').createFunction(
  { id: 'record-refund', triggers: [orderRefunded] },
  async ({ event, step }) => {
    const { data } = event;
    await step.run(recordEventStep.id, () =>
      recordEventStep.run({
        event,
        properties: {
          orderId: data.orderId,
          number: data.number,
          amountMinor: data.amountMinor,
          currency: data.currency,
        },
        onceFor: { property: 'refundId', value: data.refundId },
      }),
    );
  },
);
