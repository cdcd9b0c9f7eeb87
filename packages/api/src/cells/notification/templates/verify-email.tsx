import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { describeExpiry, tokenLink } from './link-expiry';

/** The link that proves the address belongs to the account holder. */
export const verifyEmail = defineEmailTemplate({
  id: 'verify-email',
  kind: 'transactional',
  singleUseLink: true,
  props: z.object({ name: z.string(), token: z.string().min(1), expiresAt: z.iso.datetime() }),
  subject: () => 'Confirm your email address',
  render: ({ name, token, expiresAt }, context) => (
    <EmailLayout preview="One click to confirm your email address." context={context}>
      <EmailHeading>Confirm your email address</EmailHeading>
      <EmailText>
        Hi{name ? ` ${name}` : ''}, please confirm that this is your email address, so we can send
        you order updates and let you reset your password.
      </EmailText>
      <EmailAction href={tokenLink(context.storefrontUrl, '/verify-email', token)}>
        Confirm email address
      </EmailAction>
      <EmailText muted>
        The link works once and expires {describeExpiry(expiresAt)}. If you did not create an
        account, ignore this email.
      </EmailText>
    </EmailLayout>
  ),
});
