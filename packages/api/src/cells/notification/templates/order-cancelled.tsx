import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { formatMinor } from './money';
import { orderLink } from './order-links';
import { currency, greeting, minor, orderRef } from './order-props';

/** Cancelled for another reason than a failed payment: sold out, on request, by the shop. */
export const orderCancelledEmail = defineEmailTemplate({
  id: 'order-cancelled',
  kind: 'transactional',
  props: orderRef.extend({
    /** Why, as the order cell tells the shopper, e.g. "An item sold out before we could reserve it." */
    reason: z.string().min(1),
    /** What was given back because of the cancellation (0 when nothing had been charged). */
    refundedMinor: minor,
    currency,
  }),
  subject: ({ number }) => `Order ${number} cancelled`,
  render: (order, context) => {
    const refund = formatMinor(order.refundedMinor, order.currency);
    return (
      <EmailLayout preview={`Your order ${order.number} has been cancelled.`} context={context}>
        <EmailHeading>Your order has been cancelled</EmailHeading>
        <EmailText>
          {greeting(order.name)} order {order.number} has been cancelled.
        </EmailText>
        <EmailText>{order.reason}</EmailText>
        <EmailText>
          {order.refundedMinor > 0
            ? `We refunded ${refund} to your original payment method; it usually shows on your statement within 5–10 working days.`
            : 'Nothing was charged for this order.'}
        </EmailText>
        <EmailAction href={orderLink(context.storefrontUrl, order)}>View your order</EmailAction>
      </EmailLayout>
    );
  },
});
