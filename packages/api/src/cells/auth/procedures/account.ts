import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { accountDeleted } from './events';
import { inngestFor } from '../../events/inngest-client';
import { authedProcedure } from '../../trpc/procedures';
import { tooManyRequests } from '../../trpc/retry-after';
import { messageOf } from './emailed-links';
import { authDatabase } from './database';
import { countLoginAttempt, forgiveLoginAttempt, throttledMessage } from './login-throttle';
import { hashPassword, passwordMatches } from './passwords';
import { newPassword, passwordEqualsEmail, presentedPassword } from './password-policy';
import { revokeAccountSessions } from './refresh-tokens';
import { passwordIssue } from './recovery-procedures';
import { signedInAccount } from './signed-in-account';

type StoredAccount = Awaited<ReturnType<typeof signedInAccount>>;

/**
 * The caller's account when `password` is theirs. Wrong guesses count against the same throttle
 * as sign-in: a stolen access token must not become an unlimited password oracle.
 */
async function confirmPassword(
  accountId: string,
  password: string,
  clientAddress: string | null,
  field: string,
): Promise<StoredAccount> {
  const account = await signedInAccount(accountId);
  const blockedFor = await countLoginAttempt(account.email, clientAddress);
  if (blockedFor !== null) throw tooManyRequests(throttledMessage, blockedFor);
  if (!(await passwordMatches(password, account.passwordHash))) {
    throw passwordIssue('This is not your current password', field);
  }
  await forgiveLoginAttempt(account.email, clientAddress);
  return account;
}

export const accountProcedures = {
  /** A new password for the caller; every other session is signed out, this one stays. */
  changePassword: authedProcedure
    .input(z.object({ currentPassword: presentedPassword, newPassword }))
    .mutation(async ({ input, ctx }) => {
      const account = await confirmPassword(
        ctx.identity.accountId,
        input.currentPassword,
        ctx.clientAddress,
        'currentPassword',
      );
      if (passwordEqualsEmail(input.newPassword, account.email)) {
        throw passwordIssue('The password must not be your email address', 'newPassword');
      }
      const { Account } = await authDatabase.models();
      await Account.updateOne(
        { _id: account._id },
        { $set: { passwordHash: await hashPassword(input.newPassword) } },
      );
      await revokeAccountSessions(account._id, ctx.identity.sessionId);
      return { ok: true as const };
    }),

  /**
   * Deletes the caller's account: sessions revoked, then `auth/account.deleted` (the other cells
   * erase their copies), then the credentials are anonymised. The event goes first so a failed
   * send leaves the account intact for a retry; its id makes a retried send a no-op.
   */
  deleteAccount: authedProcedure
    .input(z.object({ password: presentedPassword }))
    .mutation(async ({ input, ctx }) => {
      const account = await confirmPassword(
        ctx.identity.accountId,
        input.password,
        ctx.clientAddress,
        'password',
      );
      const accountId = account._id.toString();
      await revokeAccountSessions(account._id);
      try {
        await inngestFor('auth').send({
          id: `account-deleted-${accountId}`,
          name: accountDeleted.name,
          data: accountDeleted.schema.parse({ accountId, email: account.email }),
        });
      } catch (error) {
        ctx.logger.error({ error: messageOf(error), accountId }, 'account.deleted not sent');
        throw new TRPCError({
          code: 'SERVICE_UNAVAILABLE',
          message: 'Your account could not be deleted just now; try again in a minute',
        });
      }
      const { Account } = await authDatabase.models();
      await Account.updateOne(
        { _id: account._id },
        {
          $set: {
            email: `deleted-${accountId}@invalid`,
            name: 'Deleted account',
            passwordHash: null,
            roles: [],
            emailVerifiedAt: null,
            deletedAt: new Date(),
          },
        },
      );
      ctx.logger.info({ accountId }, 'account deleted');
      return { ok: true as const };
    }),
};
