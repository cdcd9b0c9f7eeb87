import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailRule, EmailText } from './email-layout';
import { blockTexts } from './editable-text';
import { defineEmailTemplate } from './email-template';
import { formatMoney } from '@shop/money';
import { orderLink } from './order-links';
import { currency, greeting, minor, orderLine, orderRef, postalAddress } from './order-props';
import { AddressBlock, DetailList, OrderLines, OrderTotals, SectionLabel } from './order-summary';

const blocks = {
  heading: { label: 'Heading', text: 'Thank you for your order' },
  closing: {
    label: 'Closing note',
    text: 'We will email you again when the parcel is on its way. Changed your mind? You can cancel the order from its page until it ships.',
  },
};
const values = ({ number, name }: { number: string; name: string }) => ({ number, name });

const paymentMethodLabels = {
  card: 'Card',
  cash_on_delivery: 'Cash on delivery',
} as const;

/** The receipt: sent once the order is paid (or cash on delivery accepted). */
export const orderConfirmedEmail = defineEmailTemplate({
  id: 'order-confirmed',
  kind: 'transactional',
  props: orderRef.extend({
    lines: z.array(orderLine).min(1),
    subtotalMinor: minor,
    discountMinor: minor,
    shippingMinor: minor,
    taxMinor: minor,
    totalMinor: minor,
    /** Absent in events from before the tax mode: tax was added then. */
    pricesIncludeTax: z.boolean().default(false),
    currency,
    shippingMethod: z.string(),
    paymentMethod: z.enum(['card', 'cash_on_delivery']),
    shippingAddress: postalAddress,
  }),
  subject: ({ number }) => `Order ${number} confirmed`,
  // The items, totals, addresses and links are fixed: only the wording around them is editable.
  editable: { blocks, variables: ['number', 'name'], values },
  render: (order, context) => {
    const text = blockTexts(blocks, context, values(order));
    const total = formatMoney(order.totalMinor, order.currency);
    const cash = order.paymentMethod === 'cash_on_delivery';
    return (
      <EmailLayout
        preview={`Thank you for your order ${order.number} (${total}).`}
        context={context}
      >
        <EmailHeading>{text.heading}</EmailHeading>
        <EmailText>
          {greeting(order.name)} we have your order {order.number} and are getting it ready.{' '}
          {cash
            ? `Please have ${total} ready to pay when it arrives.`
            : 'Your payment went through.'}
        </EmailText>
        <SectionLabel>Your items</SectionLabel>
        <OrderLines lines={order.lines} currency={order.currency} />
        <OrderTotals {...order} />
        <SectionLabel>Delivery</SectionLabel>
        <AddressBlock address={order.shippingAddress} />
        <DetailList
          items={[
            ['Order number', order.number],
            ['Shipping method', order.shippingMethod],
            ['Payment method', paymentMethodLabels[order.paymentMethod]],
          ]}
        />
        <EmailAction href={orderLink(context.storefrontUrl, order)}>View your order</EmailAction>
        <EmailRule />
        <EmailText muted>{text.closing}</EmailText>
      </EmailLayout>
    );
  },
});
