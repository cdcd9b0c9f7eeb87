import { inngestFor } from '../../../events/inngest-client';
import { emailVerificationRequested } from '../../../events/schemas';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';
import { tokenDedupeKey } from '../token-dedupe-key';

export const sendVerificationEmail = inngestFor('notification').createFunction(
  { id: 'send-verification-email', retries, triggers: [emailVerificationRequested] },
  async ({ event, step }) =>
    sendInSteps(step, {
      template: 'verify-email',
      to: event.data.email,
      props: { name: event.data.name, token: event.data.token, expiresAt: event.data.expiresAt },
      dedupeKey: tokenDedupeKey(event.data.token),
      accountId: event.data.accountId,
    }),
);
