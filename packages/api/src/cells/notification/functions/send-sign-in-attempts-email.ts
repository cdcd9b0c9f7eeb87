import { inngestFor } from '../../../events/inngest-client';
import { signInThrottled } from '../../../events/schemas';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';

export const sendSignInAttemptsEmail = inngestFor('notification').createFunction(
  { id: 'send-sign-in-attempts-email', retries, triggers: [signInThrottled] },
  async ({ event, step }) =>
    sendInSteps(step, {
      template: 'sign-in-attempts',
      to: event.data.email,
      props: {
        name: event.data.name,
        failedAttempts: event.data.failedAttempts,
        since: event.data.since,
      },
      // One email per account and throttle window, however often the event arrives.
      dedupeKey: `sign-in-attempts:${event.data.accountId}:${event.data.since}`,
      accountId: event.data.accountId,
    }),
);
