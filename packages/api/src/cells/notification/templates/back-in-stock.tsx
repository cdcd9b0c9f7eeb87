import { formatMoney } from '@shop/money';
import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';

/**
 * "Email me when available": the one email the shopper asked for when a sold-out variant is
 * restocked. Transactional by request (it answers exactly what they asked, once, and then the
 * request ends), so it needs no newsletter consent.
 */
export const backInStockEmail = defineEmailTemplate({
  id: 'back-in-stock',
  kind: 'transactional',
  props: z.object({
    productName: z.string().min(1),
    variantLabel: z.string(),
    productSlug: z.string().min(1),
    sku: z.string().min(1),
    priceMinor: z.number().int().min(0),
    currency: z.string().length(3),
  }),
  subject: ({ productName }) => `Back in stock: ${productName}`,
  render: (props, context) => {
    const name = props.variantLabel
      ? `${props.productName} (${props.variantLabel})`
      : props.productName;
    const href = `${context.storefrontUrl}/products/${encodeURIComponent(props.productSlug)}?sku=${encodeURIComponent(props.sku)}`;
    return (
      <EmailLayout preview={`${name} is back in stock.`} context={context}>
        <EmailHeading>It is back</EmailHeading>
        <EmailText>
          {name} is in stock again, at {formatMoney(props.priceMinor, props.currency)}. We are not
          holding one for you, so if you want it, now is a good time.
        </EmailText>
        <EmailAction href={href}>See it in the shop</EmailAction>
        <EmailText muted>
          You asked us to tell you once when it was back; this was that email, and we will not write
          about it again.
        </EmailText>
      </EmailLayout>
    );
  },
});
