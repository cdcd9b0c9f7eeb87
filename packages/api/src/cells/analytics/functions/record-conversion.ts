import { inngestFor } from '../../../events/inngest-client';
import { orderConfirmed } from '../../../events/schemas';
import { recordEventStep } from '../record-event';

/**
 * A confirmed order is a conversion, for conversion and revenue reports. One row per order,
 * whatever the redeliveries. No email or name is kept: the account id (absent for guests) is
 * enough to count returning customers, and is removed when the account is deleted
 * (`erase-personal-data.ts`).
 */
export const recordConversion = inngestFor('analytics').createFunction(
  { id: 'record-conversion', triggers: [orderConfirmed] },
  async ({ event, step }) => {
    const { data } = event;
    await step.run(recordEventStep.id, () =>
      recordEventStep.run({
        event,
        properties: {
          number: data.number,
          totalMinor: data.totalMinor,
          subtotalMinor: data.subtotalMinor,
          discountMinor: data.discountMinor,
          currency: data.currency,
          itemCount: data.lines.reduce((count, line) => count + line.quantity, 0),
          // What sold, for the top products report (no names of people, only of products).
          lines: data.lines.map((line) => ({
            sku: line.sku,
            name: line.name,
            quantity: line.quantity,
            lineTotalMinor: line.lineTotalMinor,
          })),
          paymentMethod: data.paymentMethod,
          guest: data.accountId === undefined,
          ...(data.accountId ? { accountId: data.accountId } : {}),
        },
        onceFor: { property: 'orderId', value: data.orderId },
      }),
    );
  },
);
