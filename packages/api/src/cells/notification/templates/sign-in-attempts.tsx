import { z } from 'zod';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';

function describeSince(since: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(since));
}

/**
 * Sign-in attempts at the account are being slowed down (too many wrong passwords). Sent at most
 * once per throttle window. Says what the owner can still do and what to do if it was not them.
 */
export const signInAttemptsEmail = defineEmailTemplate({
  id: 'sign-in-attempts',
  kind: 'transactional',
  props: z.object({
    name: z.string(),
    failedAttempts: z.number().int().positive(),
    since: z.iso.datetime(),
  }),
  subject: () => 'Someone is trying to sign in to your account',
  render: ({ name, failedAttempts, since }, context) => (
    <EmailLayout preview="Wrong passwords were tried on your account." context={context}>
      <EmailHeading>Someone is trying to sign in to your account</EmailHeading>
      <EmailText>
        Hi{name ? ` ${name}` : ''}, {failedAttempts} sign-in attempts with a wrong password were
        made on your account since {describeSince(since)} UTC, so we are slowing further attempts
        down.
      </EmailText>
      <EmailText>
        Your account is not locked: you can still sign in as usual, and the devices you signed in
        with before are let in even while the attempts go on. If this was you, there is nothing to
        do. If it was not, your password held; to be safe, choose a new one that you use nowhere
        else.
      </EmailText>
      <EmailAction href={`${context.storefrontUrl}/forgot-password`}>
        Choose a new password
      </EmailAction>
      <EmailText muted>
        We send this at most once every 15 minutes while the attempts continue.
      </EmailText>
    </EmailLayout>
  ),
});
