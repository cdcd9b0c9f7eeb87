import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';

/** Sent once per account, after sign-up. */
export const welcomeEmail = defineEmailTemplate({
  id: 'welcome',
  kind: 'transactional',
  props: z.object({ name: z.string() }),
  subject: () => 'Welcome to Shop',
  render: ({ name }, context) => (
    <EmailLayout preview="Your account is ready." context={context}>
      <EmailHeading>Welcome{name ? `, ${name}` : ''}!</EmailHeading>
      <EmailText>
        Your account is ready. Your basket, your addresses and your orders now follow you on every
        device you sign in on.
      </EmailText>
      <EmailAction href={context.storefrontUrl}>Start shopping</EmailAction>
      <EmailText muted>
        Did not sign up? Someone may have used your address by mistake; you can ignore this email.
      </EmailText>
    </EmailLayout>
  ),
});
