import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { orderVariables } from './order-variables';
import { formatMoney } from '@shop/money';
import { orderLink } from './order-links';
import { currency, greeting, minor, orderRef } from './order-props';
import { DetailList } from './order-summary';

/** One refund (full or partial), and how much of the order has been refunded in all. */
export const refundIssuedEmail = defineEmailTemplate({
  id: 'refund-issued',
  kind: 'transactional',
  props: orderRef.extend({
    amountMinor: minor,
    totalRefundedMinor: minor,
    currency,
  }),
  subject: ({ number }) => `Refund for order ${number}`,
  editable: orderVariables,
  render: (order, context) => {
    const amount = formatMoney(order.amountMinor, order.currency);
    const details: [string, string][] = [
      ['Order number', order.number],
      ['This refund', amount],
      ['Refunded in total', formatMoney(order.totalRefundedMinor, order.currency)],
    ];
    return (
      <EmailLayout preview={`We refunded ${amount} for order ${order.number}.`} context={context}>
        <EmailHeading>We have refunded {amount}</EmailHeading>
        <EmailText>
          {greeting(order.name)} we have refunded {amount} for order {order.number} to your original
          payment method. It usually shows on your statement within 5–10 working days.
        </EmailText>
        <DetailList items={details} />
        <EmailAction href={orderLink(context.storefrontUrl, order)}>View your order</EmailAction>
      </EmailLayout>
    );
  },
});
