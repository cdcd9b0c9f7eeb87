import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';

/**
 * The first newsletter, right after the subscription is confirmed. Marketing: it carries the
 * one-click unsubscribe like every other, so the shopper sees at once how to stop.
 */
export const newsletterWelcomeEmail = defineEmailTemplate({
  id: 'newsletter-welcome',
  kind: 'marketing',
  props: z.object({}),
  subject: () => 'Welcome to the Shop newsletter',
  render: (_props, context) => (
    <EmailLayout preview="You are subscribed." context={context} marketing>
      <EmailHeading>You are subscribed</EmailHeading>
      <EmailText>
        Thank you for confirming. From now on you will hear about new products and offers, at most
        once a week.
      </EmailText>
      <EmailAction href={`${context.storefrontUrl}/products`}>See what is new</EmailAction>
    </EmailLayout>
  ),
});
