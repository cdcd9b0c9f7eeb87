import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { orderVariables } from './order-variables';
import { formatMoney } from '@shop/money';
import { orderLink } from './order-links';
import { currency, greeting, minor, orderRef } from './order-props';

/**
 * Cancelled for another reason than a declined payment: sold out, payment not completed in time,
 * on request, by the shop. The order cell's sentence says what happened; about money, this email
 * only says what is certain (a refund under way, or nothing charged before payment started).
 */
export const orderCancelledEmail = defineEmailTemplate({
  id: 'order-cancelled',
  kind: 'transactional',
  props: orderRef.extend({
    /** Why, as the order cell tells the shopper, e.g. "An item sold out before we could reserve it." */
    reason: z.string().min(1),
    /**
     * What is given back because of the cancellation (0 when nothing had been charged). The
     * refund itself happens after the cancellation and has its own email (`refund-issued`).
     */
    refundedMinor: minor,
    /** The order was cancelled before any payment was asked for (e.g. it sold out first). */
    beforePayment: z.boolean(),
    currency,
  }),
  subject: ({ number }) => `Order ${number} cancelled`,
  editable: orderVariables,
  render: (order, context) => {
    const refund = formatMoney(order.refundedMinor, order.currency);
    return (
      <EmailLayout preview={`Your order ${order.number} has been cancelled.`} context={context}>
        <EmailHeading>Your order has been cancelled</EmailHeading>
        <EmailText>
          {greeting(order.name)} order {order.number} has been cancelled.
        </EmailText>
        <EmailText>{order.reason}</EmailText>
        {order.refundedMinor > 0 ? (
          <EmailText>
            We are refunding {refund} to your original payment method; we will email you again once
            the refund has gone through.
          </EmailText>
        ) : order.beforePayment ? (
          <EmailText>Nothing was charged for this order.</EmailText>
        ) : null}
        <EmailAction href={orderLink(context.storefrontUrl, order)}>View your order</EmailAction>
      </EmailLayout>
    );
  },
});
