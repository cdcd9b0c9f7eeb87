import { inngestFor } from '../../../events/inngest-client';
import { orderConfirmed } from '../../../events/schemas';
import { emailRetries as retries } from '../send-in-steps';
import { orderRef, sendOrderEmail } from '../send-order-email';

export const sendOrderConfirmedEmail = inngestFor('notification').createFunction(
  { id: 'send-order-confirmed-email', retries, triggers: [orderConfirmed] },
  async ({ event: { data }, step }) =>
    sendOrderEmail(step, data, {
      template: 'order-confirmed',
      dedupeKey: `order-confirmed:${data.orderId}`,
      props: {
        ...orderRef(data),
        lines: data.lines,
        subtotalMinor: data.subtotalMinor,
        discountMinor: data.discountMinor,
        shippingMinor: data.shippingMinor,
        taxMinor: data.taxMinor,
        pricesIncludeTax: data.pricesIncludeTax ?? false,
        totalMinor: data.totalMinor,
        currency: data.currency,
        shippingMethod: data.shippingMethod,
        paymentMethod: data.paymentMethod,
        shippingAddress: data.shippingAddress,
      },
    }),
);
