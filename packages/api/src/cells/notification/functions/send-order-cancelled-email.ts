import { inngestFor } from '../../../events/inngest-client';
import { orderCancelled } from '../../../events/schemas';
import { emailRetries as retries } from '../send-in-steps';
import { orderRef, sendOrderEmail } from '../send-order-email';

export const sendOrderCancelledEmail = inngestFor('notification').createFunction(
  { id: 'send-order-cancelled-email', retries, triggers: [orderCancelled] },
  async ({ event: { data }, step }) => {
    // The account's owner asked for their data to go; a goodbye about its orders is not wanted.
    if (data.code === 'account_deleted') return { status: 'skipped', reason: 'account-deleted' };
    // An order is cancelled once: one key for both templates, so only one of them can go out.
    const dedupeKey = `order-cancelled:${data.orderId}`;
    // A declined card: nothing was taken and the shopper can try again. A payment timeout is not
    // this case: the payment may have arrived late and been refunded (the message says which).
    if (data.code === 'payment_failed') {
      return sendOrderEmail(step, data, {
        template: 'payment-failed',
        dedupeKey,
        props: {
          ...orderRef(data),
          reason: data.message,
          totalMinor: data.totalMinor,
          currency: data.currency,
        },
      });
    }
    return sendOrderEmail(step, data, {
      template: 'order-cancelled',
      dedupeKey,
      props: {
        ...orderRef(data),
        reason: data.message,
        refundedMinor: data.refundedMinor,
        // The saga reserves stock before it asks for payment: sold out means never charged.
        beforePayment: data.code === 'sold_out',
        currency: data.currency,
      },
    });
  },
);
