import { inngestFor } from '../../../events/inngest-client';
import { userRegistered } from '../../../events/schemas';
import { recordEventStep } from '../record-event';

/** Every sign-up, for the registrations report. */
export const recordRegistration = inngestFor('analytics').createFunction(
  { id: 'record-registration', triggers: [userRegistered] },
  async ({ event, step }) => {
    await step.run(recordEventStep.id, () =>
      recordEventStep.run({ event, properties: { accountId: event.data.accountId } }),
    );
  },
);
