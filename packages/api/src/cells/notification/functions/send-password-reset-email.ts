import { inngestFor } from '../../../events/inngest-client';
import { passwordResetRequested } from '../../../events/schemas';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';
import { tokenDedupeKey } from '../token-dedupe-key';

export const sendPasswordResetEmail = inngestFor('notification').createFunction(
  { id: 'send-password-reset-email', retries, triggers: [passwordResetRequested] },
  async ({ event, step }) =>
    sendInSteps(step, {
      template: 'password-reset',
      to: event.data.email,
      props: { name: event.data.name, token: event.data.token, expiresAt: event.data.expiresAt },
      dedupeKey: tokenDedupeKey(event.data.token),
      accountId: event.data.accountId,
    }),
);
