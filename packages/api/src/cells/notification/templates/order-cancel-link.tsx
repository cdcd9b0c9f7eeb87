import { formatMoney } from '@shop/money';
import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { orderVariables } from './order-variables';
import { describeExpiry, tokenLink } from './link-expiry';
import { currency, greeting, minor, orderRef } from './order-props';

/**
 * A guest asked to cancel an order they looked up: the single-use link that cancels it. Sent only
 * to the order's own address, so only whoever reads that mailbox can cancel. The link opens a page
 * that asks to confirm; opening it cancels nothing.
 */
export const orderCancelLinkEmail = defineEmailTemplate({
  id: 'order-cancel-link',
  kind: 'transactional',
  singleUseLink: true,
  props: orderRef.extend({
    token: z.string().min(1),
    expiresAt: z.iso.datetime(),
    totalMinor: minor,
    currency,
  }),
  subject: ({ number }) => `Cancel order ${number}?`,
  editable: orderVariables,
  render: (order, context) => (
    <EmailLayout preview={`The link to cancel order ${order.number}.`} context={context}>
      <EmailHeading>Cancel your order</EmailHeading>
      <EmailText>
        {greeting(order.name)} someone (hopefully you) asked to cancel order {order.number} (
        {formatMoney(order.totalMinor, order.currency)}). To cancel it, open the link below and
        confirm.
      </EmailText>
      <EmailAction href={tokenLink(context.storefrontUrl, '/orders/cancel', order.token)}>
        Cancel order {order.number}
      </EmailAction>
      <EmailText muted>
        The link works once and expires {describeExpiry(order.expiresAt)}. If you did not ask for
        this, ignore this email: your order stays as it is.
      </EmailText>
    </EmailLayout>
  ),
});
