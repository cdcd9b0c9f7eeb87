import { inngestFor } from '../../../events/inngest-client';
import { subscriptionConfirmed } from '../events';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';

/** The welcome newsletter after a confirmed subscription (skipped if unsubscribed meanwhile). */
export const sendNewsletterWelcomeEmail = inngestFor('notification').createFunction(
  { id: 'send-newsletter-welcome-email', retries, triggers: [subscriptionConfirmed] },
  async ({ event, step }) =>
    sendInSteps(step, {
      template: 'newsletter-welcome',
      to: event.data.email,
      props: {},
      // One welcome per subscriber record, however often the confirmation is clicked.
      dedupeKey: `subscriber:${event.data.subscriberId}`,
    }),
);
