import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { orderVariables } from './order-variables';
import { orderLink } from './order-links';
import { greeting, orderRef } from './order-props';

/** Delivered, as the carrier or the shop recorded it. */
export const orderDeliveredEmail = defineEmailTemplate({
  id: 'order-delivered',
  kind: 'transactional',
  props: orderRef,
  subject: ({ number }) => `Order ${number} has been delivered`,
  editable: orderVariables,
  render: (order, context) => (
    <EmailLayout preview={`Your order ${order.number} has arrived.`} context={context}>
      <EmailHeading>Your order has arrived</EmailHeading>
      <EmailText>
        {greeting(order.name)} order {order.number} has been delivered. We hope you enjoy it.
      </EmailText>
      <EmailAction href={orderLink(context.storefrontUrl, order)}>View your order</EmailAction>
      <EmailText muted>
        Not received it, or something is wrong? Reply to this email with your order number and we
        will sort it out.
      </EmailText>
    </EmailLayout>
  ),
});
