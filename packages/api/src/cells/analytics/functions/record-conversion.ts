import { inngestFor } from '../../events/inngest-client';
import { orderCancelled, orderConfirmed } from '../../events/schemas';
import { recordEvent } from './record-event';

/**
 * Orders, for conversion and revenue reports: a confirmed order is a conversion, a cancelled one
 * is recorded with why. One row per order and event name, whatever the redeliveries. No email or
 * name is kept: the account id (absent for guests) is enough to count returning customers, and is
 * removed when the account is deleted (`erase-personal-data.ts`).
 */

const inngest = inngestFor('analytics');

export const recordConversion = inngest.createFunction(
  { id: 'record-conversion', triggers: [orderConfirmed] },
  async ({ event, step }) => {
    const { data } = event;
    await step.run('record', () =>
      recordEvent(
        event,
        {
          number: data.number,
          totalMinor: data.totalMinor,
          subtotalMinor: data.subtotalMinor,
          discountMinor: data.discountMinor,
          currency: data.currency,
          itemCount: data.lines.reduce((count, line) => count + line.quantity, 0),
          paymentMethod: data.paymentMethod,
          guest: data.accountId === undefined,
          ...(data.accountId ? { accountId: data.accountId } : {}),
        },
        { property: 'orderId', value: data.orderId },
      ),
    );
  },
);

export const recordCancellation = inngest.createFunction(
  { id: 'record-order-cancellation', triggers: [orderCancelled] },
  async ({ event, step }) => {
    const { data } = event;
    await step.run('record', () =>
      recordEvent(
        event,
        {
          number: data.number,
          code: data.code,
          totalMinor: data.totalMinor,
          refundedMinor: data.refundedMinor,
          currency: data.currency,
          guest: data.accountId === undefined,
          ...(data.accountId ? { accountId: data.accountId } : {}),
        },
        { property: 'orderId', value: data.orderId },
      ),
    );
  },
);
