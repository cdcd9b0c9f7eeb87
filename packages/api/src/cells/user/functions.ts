import { TRPCError } from '@trpc/server';
import { inngestFor } from '../../events/inngest-client';
import { userRegistered } from '../../events/schemas';
import { accountObjectId, ensureProfile } from './profiles';

const inngest = inngestFor('user');

/**
 * Every new account gets a profile with its name and default preferences. Idempotent: the
 * profile is inserted only if missing (a retry, a redelivery or an earlier first read leave the
 * existing one as it is). An account deleted before this ran gets none, and that is final, not
 * an error to retry.
 */
export const createProfileOnRegistration = inngest.createFunction(
  { id: 'create-profile-on-registration', triggers: [userRegistered] },
  async ({ event, step }) => {
    return step.run('ensure-profile', async () => {
      try {
        await ensureProfile({
          accountId: accountObjectId(event.data.accountId),
          name: event.data.name,
          email: event.data.email,
        });
        return { profile: 'present' as const };
      } catch (error) {
        if (error instanceof TRPCError && error.code === 'NOT_FOUND') {
          return { profile: 'skipped' as const, reason: error.message };
        }
        throw error;
      }
    });
  },
);

/** The user cell's Inngest functions. */
export const userFunctions = [createProfileOnRegistration];
