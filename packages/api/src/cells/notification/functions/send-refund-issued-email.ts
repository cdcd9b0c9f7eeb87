import { inngestFor } from '../../../events/inngest-client';
import { orderRefunded } from '../../../events/schemas';
import { emailRetries as retries } from '../send-in-steps';
import { orderRef, sendOrderEmail } from '../send-order-email';

export const sendRefundIssuedEmail = inngestFor('notification').createFunction(
  { id: 'send-refund-issued-email', retries, triggers: [orderRefunded] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'refund-issued',
      // Several refunds per order, each told once.
      dedupeKey: `refund:${data.refundId}`,
      props: {
        ...orderRef(data),
        amountMinor: data.amountMinor,
        totalRefundedMinor: data.totalRefundedMinor,
        currency: data.currency,
      },
    }),
);
