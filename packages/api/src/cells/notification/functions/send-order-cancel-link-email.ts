import { inngestFor } from '../../../events/inngest-client';
import { orderCancelLinkRequested } from '../../../events/schemas';
import { emailRetries as retries } from '../send-in-steps';
import { orderRef, sendOrderEmail } from '../send-order-email';
import { tokenDedupeKey } from '../token-dedupe-key';

export const sendOrderCancelLinkEmail = inngestFor('notification').createFunction(
  { id: 'send-order-cancel-link-email', retries, triggers: [orderCancelLinkRequested] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'order-cancel-link',
      // One message per link: a second request is a new link and a new email.
      dedupeKey: tokenDedupeKey(data.token),
      props: {
        ...orderRef(data),
        token: data.token,
        expiresAt: data.expiresAt,
        totalMinor: data.totalMinor,
        currency: data.currency,
      },
    }),
);
