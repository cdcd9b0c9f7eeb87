import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { tokenLink } from './link-expiry';

/**
 * After delivery (and at most once more as a reminder): the products of the order the shopper
 * has not reviewed, each with its own signed link to write that review without signing in.
 * Marketing (docs/reviews.md, "Review requests"): only to confirmed, unsuppressed subscribers,
 * with one-click unsubscribe. The links let their holder write a review, so the props are never
 * stored and staff cannot resend it.
 */
export const reviewRequestEmail = defineEmailTemplate({
  id: 'review-request',
  kind: 'marketing',
  singleUseLink: true,
  props: z.object({
    orderNumber: z.string().min(1),
    reminder: z.boolean(),
    products: z.array(z.object({ name: z.string().min(1), token: z.string().min(20) })).min(1),
  }),
  subject: ({ reminder, products }) =>
    reminder
      ? 'A last reminder: how are you finding your order?'
      : products.length === 1
        ? `How is your ${products[0]!.name}?`
        : 'How are you finding your order?',
  render: ({ orderNumber, reminder, products }, context) => (
    <EmailLayout
      preview="A minute to tell other shoppers what you think."
      context={context}
      marketing
    >
      <EmailHeading>{reminder ? 'Still a minute to spare?' : 'How did we do?'}</EmailHeading>
      <EmailText>
        Your order {orderNumber} arrived a little while ago. A few honest words and a star rating
        help other shoppers choose, good or bad. No sign-in needed: each link below writes the
        review of that one product and works for 45 days.
      </EmailText>
      {products.map((product) => (
        <EmailAction
          key={product.token}
          href={tokenLink(context.storefrontUrl, '/review', product.token)}
        >
          Review {product.name}
        </EmailAction>
      ))}
      {reminder ? (
        <EmailText muted>
          This is the only reminder; we will not ask about this order again.
        </EmailText>
      ) : null}
    </EmailLayout>
  ),
});
