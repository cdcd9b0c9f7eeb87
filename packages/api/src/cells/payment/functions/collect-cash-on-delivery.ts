import { inngestFor } from '../../../events/inngest-client';
import { orderDelivered } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { paymentDatabase } from '../database';

/** The delivered order's cash payment, if it still waits for collection, counts as captured. */
export const markCashCollectedStep = defineSagaStep({
  id: 'mark-cash-collected',
  run: async (orderId: string) => {
    const { Payment } = await paymentDatabase.models();
    const payment = await Payment.findOne({
      orderId,
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
  },
});

/**
 * Cash on delivery is paid when the parcel is handed over: the delivered order's cash payment
 * counts as captured (and so becomes refundable). No `payment.succeeded` is sent: the saga
 * confirmed the order when it was placed and is not waiting for one. Idempotent: the update only
 * matches a payment still waiting for collection.
 */
export const collectCashOnDelivery = inngestFor('payment').createFunction(
  { id: 'collect-cash-on-delivery', triggers: [orderDelivered] },
  async ({ event, step }) =>
    step.run(markCashCollectedStep.id, () => markCashCollectedStep.run(event.data.orderId)),
);
