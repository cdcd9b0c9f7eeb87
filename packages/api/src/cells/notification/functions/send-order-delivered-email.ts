import { inngestFor } from '../../../events/inngest-client';
import { orderDelivered } from '../../../events/schemas';
import { emailRetries as retries } from '../send-in-steps';
import { orderRef, sendOrderEmail } from '../send-order-email';

export const sendOrderDeliveredEmail = inngestFor('notification').createFunction(
  { id: 'send-order-delivered-email', retries, triggers: [orderDelivered] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'order-delivered',
      dedupeKey: `order-delivered:${data.orderId}`,
      props: orderRef(data),
    }),
);
