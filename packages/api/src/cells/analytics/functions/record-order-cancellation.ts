import { inngestFor } from '../../../events/inngest-client';
import { orderCancelled } from '../../../events/schemas';
import { recordEventStep } from '../record-event';

/**
 * A cancelled order, recorded with why, for the conversion reports. One row per order, whatever
 * the redeliveries. No email or name is kept: the account id (absent for guests) is removed when
 * the account is deleted (`erase-personal-data.ts`).
 */
export const recordOrderCancellation = inngestFor('analytics').createFunction(
  { id: 'record-order-cancellation', triggers: [orderCancelled] },
  async ({ event, step }) => {
    const { data } = event;
    await step.run(recordEventStep.id, () =>
      recordEventStep.run({
        event,
        properties: {
          number: data.number,
          code: data.code,
          totalMinor: data.totalMinor,
          refundedMinor: data.refundedMinor,
          currency: data.currency,
          guest: data.accountId === undefined,
          ...(data.accountId ? { accountId: data.accountId } : {}),
        },
        onceFor: { property: 'orderId', value: data.orderId },
      }),
    );
  },
);
