import { TRPCError } from '@trpc/server';
import { inngestFor } from '../../../events/inngest-client';
import { userRegistered } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { accountObjectId, ensureProfile } from '../profiles';

/** The registered account's profile, unless the account was deleted before this ran. */
export const ensureProfileStep = defineSagaStep({
  id: 'ensure-profile',
  run: async (registered: { accountId: string; name: string; email: string }) => {
    try {
      await ensureProfile({
        accountId: accountObjectId(registered.accountId),
        name: registered.name,
        email: registered.email,
      });
      return { profile: 'present' as const };
    } catch (error) {
      if (error instanceof TRPCError && error.code === 'NOT_FOUND') {
        return { profile: 'skipped' as const, reason: error.message };
      }
      throw error;
    }
  },
});

/**
 * Every new account gets a profile with its name and default preferences. Idempotent: the
 * profile is inserted only if missing (a retry, a redelivery or an earlier first read leave the
 * existing one as it is). An account deleted before this ran gets none, and that is final, not
 * an error to retry.
 */
export const createProfileOnRegistration = inngestFor('user').createFunction(
  { id: 'create-profile-on-registration', triggers: [userRegistered] },
  async ({ event, step }) =>
    step.run(ensureProfileStep.id, () => ensureProfileStep.run(event.data)),
);
