import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { describeExpiry, tokenLink } from './link-expiry';

/** The single-use link to choose a new password. */
export const passwordResetEmail = defineEmailTemplate({
  id: 'password-reset',
  kind: 'transactional',
  singleUseLink: true,
  props: z.object({ name: z.string(), token: z.string().min(1), expiresAt: z.iso.datetime() }),
  subject: () => 'Reset your password',
  render: ({ name, token, expiresAt }, context) => (
    <EmailLayout preview="Choose a new password for your account." context={context}>
      <EmailHeading>Reset your password</EmailHeading>
      <EmailText>
        Hi{name ? ` ${name}` : ''}, someone (hopefully you) asked to reset the password of your
        account. Choose a new one with the button below.
      </EmailText>
      <EmailAction href={tokenLink(context.storefrontUrl, '/reset-password', token)}>
        Choose a new password
      </EmailAction>
      <EmailText muted>
        The link works once and expires {describeExpiry(expiresAt)}. If you did not ask for this,
        ignore this email: your password stays as it is.
      </EmailText>
    </EmailLayout>
  ),
});
