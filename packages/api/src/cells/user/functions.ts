import { inngestFor } from '../../events/inngest-client';
import { userRegistered } from '../../events/schemas';
import { accountObjectId, ensureProfile } from './profiles';

const inngest = inngestFor('user');

/**
 * Every new account gets a profile with its name and default preferences. Idempotent: the
 * profile is inserted only if missing (a retry, a redelivery or an earlier first read leave the
 * existing one as it is).
 */
export const createProfileOnRegistration = inngest.createFunction(
  { id: 'create-profile-on-registration', triggers: [userRegistered] },
  async ({ event, step }) => {
    await step.run('ensure-profile', async () => {
      await ensureProfile({
        accountId: accountObjectId(event.data.accountId),
        name: event.data.name,
        email: event.data.email,
      });
    });
  },
);

/** The user cell's Inngest functions. */
export const userFunctions = [createProfileOnRegistration];
