import { inngestFor } from '../../../events/inngest-client';
import { orderShipped } from '../../../events/schemas';
import { emailRetries as retries } from '../send-in-steps';
import { orderRef, sendOrderEmail } from '../send-order-email';

export const sendOrderShippedEmail = inngestFor('notification').createFunction(
  { id: 'send-order-shipped-email', retries, triggers: [orderShipped] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'order-shipped',
      dedupeKey: `order-shipped:${data.orderId}`,
      props: {
        ...orderRef(data),
        carrier: data.carrier,
        trackingNumber: data.trackingNumber,
        trackingUrl: data.trackingUrl,
      },
    }),
);
