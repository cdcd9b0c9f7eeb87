import { formatMoney } from '@shop/money';
import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { tokenLink } from './link-expiry';
import { OrderLines } from './order-summary';

/**
 * One reminder of a cart that did not become an order, with its items and a link that puts them
 * back in the shopper's cart. Marketing: only to confirmed, unsuppressed subscribers, with
 * one-click unsubscribe.
 */
export const abandonedCartEmail = defineEmailTemplate({
  id: 'abandoned-cart',
  kind: 'marketing',
  props: z.object({
    lines: z
      .array(
        z.object({
          name: z.string(),
          quantity: z.number().int().min(1),
          unitPriceMinor: z.number().int().min(0),
        }),
      )
      .min(1),
    currency: z.string().length(3),
    restoreToken: z.string().min(1),
  }),
  subject: () => 'You left something in your cart',
  render: ({ lines, currency, restoreToken }, context) => {
    const total = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
    return (
      <EmailLayout preview="Your cart is waiting for you." context={context} marketing>
        <EmailHeading>Still thinking it over?</EmailHeading>
        <EmailText>
          You left {lines.length === 1 ? 'this' : 'these'} in your cart (
          {formatMoney(total, currency)}
          ). Prices and stock may have changed since.
        </EmailText>
        <OrderLines
          currency={currency}
          lines={lines.map((line) => ({
            ...line,
            variantLabel: '',
            lineTotalMinor: line.unitPriceMinor * line.quantity,
          }))}
        />
        <EmailAction href={tokenLink(context.storefrontUrl, '/cart/restore', restoreToken)}>
          Back to my cart
        </EmailAction>
      </EmailLayout>
    );
  },
});
