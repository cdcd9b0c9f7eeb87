import { TRPCError } from '@trpc/server';
import { inngestFor } from '../../../events/inngest-client';
import type { CellContext, HandlerArgs, SignedInContext } from '../../../trpc/context';
import { authDatabase } from '../database';
import { messageOf } from '../emailed-links';
import { accountDeleted } from '../events';
import type { ChangePasswordInput, DeleteAccountInput } from '../inputs';
import { forgiveLoginAttempt } from '../login-throttle';
import { hashPassword, passwordMatches } from '../passwords';
import { passwordEqualsEmail, passwordIssue } from '../password-policy';
import { revokeAccountSessions } from '../refresh-tokens';
import { admitPasswordAttempt } from '../sign-in-guard';
import { signedInAccount } from '../signed-in-account';
import type { Done } from '../views';

type StoredAccount = Awaited<ReturnType<typeof signedInAccount>>;

/**
 * The caller's account when `password` is theirs. Wrong guesses count against the same throttle
 * as sign-in: a stolen access token must not become an unlimited password oracle.
 */
async function confirmPassword(
  accountId: string,
  password: string,
  { clientAddress, logger }: CellContext,
  field: string,
): Promise<StoredAccount> {
  const account = await signedInAccount(accountId);
  await admitPasswordAttempt(account.email, { clientAddress }, logger);
  if (!(await passwordMatches(password, account.passwordHash))) {
    throw passwordIssue('This is not your current password', field);
  }
  await forgiveLoginAttempt(account.email, clientAddress);
  return account;
}

/** A new password for the caller; every other session is signed out, this one stays. */
export async function changePassword({
  input,
  ctx,
}: HandlerArgs<ChangePasswordInput, SignedInContext>): Promise<Done> {
  const account = await confirmPassword(
    ctx.identity.accountId,
    input.currentPassword,
    ctx,
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
  return { ok: true };
}

/**
 * Deletes the caller's account: sessions revoked, then `auth/account.deleted` (the other cells
 * erase their copies), then the credentials are anonymised. The event goes first so a failed
 * send leaves the account intact for a retry; its id makes a retried send a no-op.
 */
export async function deleteAccount({
  input,
  ctx,
}: HandlerArgs<DeleteAccountInput, SignedInContext>): Promise<Done> {
  const account = await confirmPassword(ctx.identity.accountId, input.password, ctx, 'password');
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
  return { ok: true };
}
