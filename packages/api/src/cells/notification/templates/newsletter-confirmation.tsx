import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { describeExpiry, tokenLink } from './link-expiry';

/**
 * Double opt-in: the one email an address gets after someone typed it into a newsletter form.
 * Transactional (it answers a request and sells nothing); nothing marketing follows until the
 * link is followed. The token is signed, not stored, so it is never kept for a resend.
 */
export const newsletterConfirmationEmail = defineEmailTemplate({
  id: 'newsletter-confirmation',
  kind: 'transactional',
  singleUseLink: true,
  props: z.object({ token: z.string().min(1), expiresAt: z.iso.datetime() }),
  subject: () => 'Confirm your subscription to the Shop newsletter',
  render: ({ token, expiresAt }, context) => (
    <EmailLayout preview="One click and you are subscribed." context={context}>
      <EmailHeading>Confirm your subscription</EmailHeading>
      <EmailText>
        Someone, hopefully you, asked to get the Shop newsletter at this address: new products and
        offers, at most once a week. Please confirm that you want it.
      </EmailText>
      <EmailAction href={tokenLink(context.storefrontUrl, '/newsletter/confirm', token)}>
        Yes, subscribe me
      </EmailAction>
      <EmailText muted>
        The link works until {describeExpiry(expiresAt).replace(/^in /, '')}. If you did not ask for
        this, ignore this email: you will not hear from us.
      </EmailText>
    </EmailLayout>
  ),
});
