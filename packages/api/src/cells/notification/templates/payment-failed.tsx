import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { orderVariables } from './order-variables';
import { formatMoney } from '@shop/money';
import { currency, greeting, minor, orderRef } from './order-props';

/**
 * The card was declined (or its authentication failed), so the order was cancelled. Says why in
 * the words the shopper can act on, that nothing was taken, and how to try again.
 */
export const paymentFailedEmail = defineEmailTemplate({
  id: 'payment-failed',
  kind: 'transactional',
  props: orderRef.extend({
    /** From the payment provider, e.g. "Your card has insufficient funds." */
    reason: z.string().min(1),
    totalMinor: minor,
    currency,
  }),
  subject: ({ number }) => `Payment for order ${number} did not go through`,
  editable: orderVariables,
  render: (order, context) => (
    <EmailLayout preview="Your payment did not go through; nothing was charged." context={context}>
      <EmailHeading>Your payment did not go through</EmailHeading>
      <EmailText>
        {greeting(order.name)} we could not take the payment of{' '}
        {formatMoney(order.totalMinor, order.currency)} for order {order.number}.
      </EmailText>
      <EmailText>{order.reason}</EmailText>
      <EmailText>
        No money was taken and the order has been cancelled. You can try again with another card, or
        choose cash on delivery at checkout.
      </EmailText>
      <EmailAction href={`${context.storefrontUrl}/cart`}>Try again</EmailAction>
      <EmailText muted>
        If your bank shows a pending amount, it is a hold that disappears within a few days.
      </EmailText>
    </EmailLayout>
  ),
});
