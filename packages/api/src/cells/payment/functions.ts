import type { InngestFunction } from 'inngest';
import { inngestFor } from '../../events/inngest-client';
import { orderDelivered } from '../../events/schemas';
import { paymentDatabase } from './payment-database';

/**
 * Cash on delivery is paid when the parcel is handed over: the delivered order's cash payment
 * counts as captured (and so becomes refundable). No `payment.succeeded` is sent: the saga
 * confirmed the order when it was placed and is not waiting for one. Idempotent: the update only
 * matches a payment still waiting for collection.
 */
export const collectCashOnDelivery = inngestFor('payment').createFunction(
  { id: 'collect-cash-on-delivery', triggers: [orderDelivered] },
  async ({ event, step }) =>
    step.run('mark-cash-collected', async () => {
      const { Payment } = await paymentDatabase.models();
      const payment = await Payment.findOne({
        orderId: event.data.orderId,
        provider: 'cash',
        status: 'pending_collection',
      });
      if (!payment) return { collected: false };
      const { modifiedCount } = await Payment.updateOne(
        { _id: payment._id, status: 'pending_collection' },
        {
          $set: {
            status: 'succeeded',
            capturedMinor: payment.amountMinor,
            refundableMinor: payment.amountMinor - payment.refundedMinor,
          },
        },
      );
      return { collected: modifiedCount === 1 };
    }),
);

/** The payment cell's Inngest functions (account deletion's is added in `index.ts`). */
export const paymentFunctions: InngestFunction.Any[] = [collectCashOnDelivery];
