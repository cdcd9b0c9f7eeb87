import { inngestFor } from '../../../events/inngest-client';
import { userRegistered } from '../../../events/schemas';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';

export const sendWelcomeEmail = inngestFor('notification').createFunction(
  { id: 'send-welcome-email', retries, triggers: [userRegistered] },
  async ({ event, step }) =>
    sendInSteps(step, {
      template: 'welcome',
      to: event.data.email,
      props: { name: event.data.name },
      // One welcome per account, however often the event arrives.
      dedupeKey: `account:${event.data.accountId}`,
      accountId: event.data.accountId,
    }),
);
