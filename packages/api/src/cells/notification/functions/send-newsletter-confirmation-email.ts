import { inngestFor } from '../../../events/inngest-client';
import { subscriptionRequested } from '../events';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';
import { confirmationLifetimeMs, confirmationToken } from '../subscribers';
import { tokenDedupeKey } from '../token-dedupe-key';

/** Double opt-in: mails the signed confirmation link for a newsletter sign-up. */
export const sendNewsletterConfirmationEmail = inngestFor('notification').createFunction(
  { id: 'send-newsletter-confirmation-email', retries, triggers: [subscriptionRequested] },
  async ({ event, step }) => {
    const requestedAt = new Date(event.data.requestedAt);
    const token = confirmationToken(event.data.subscriberId, requestedAt);
    return sendInSteps(step, {
      template: 'newsletter-confirmation',
      to: event.data.email,
      props: {
        token,
        expiresAt: new Date(requestedAt.getTime() + confirmationLifetimeMs).toISOString(),
      },
      // A hash of the token, so the token is never stored (as for the other emailed links).
      dedupeKey: tokenDedupeKey(token),
    });
  },
);
