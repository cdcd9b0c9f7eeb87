import { TRPCError } from '@trpc/server';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { authDatabase } from '../database';
import { sendPasswordResetEmail, sendVerificationEmail } from '../emailed-links';
import type { RequestPasswordResetInput, ResetPasswordInput, VerifyEmailInput } from '../inputs';
import { consumeOneTimeToken, peekOneTimeToken } from '../one-time-tokens';
import { hashPassword } from '../passwords';
import { passwordEqualsEmail, passwordIssue } from '../password-policy';
import { revokeAccountSessions } from '../refresh-tokens';
import { signedInAccount } from '../signed-in-account';
import type { Done } from '../views';

const linkExpired = 'This link has expired or was already used; ask for a new one';

/**
 * Emails a single-use reset link (valid one hour) when the email has an account. Always
 * answers ok, so the answer never tells whether an email is registered.
 */
export async function requestPasswordReset({
  input,
  ctx,
}: HandlerArgs<RequestPasswordResetInput>): Promise<Done> {
  const { Account } = await authDatabase.models();
  const account = await Account.findOne(
    { email: input.email, deletedAt: null },
    { email: 1, name: 1 },
  ).lean();
  if (account) await sendPasswordResetEmail(account, ctx.logger);
  return { ok: true };
}

/** Sets a new password with an emailed token (used up), and signs out every session. */
export async function resetPassword({
  input,
  ctx,
}: HandlerArgs<ResetPasswordInput>): Promise<Done> {
  const { Account } = await authDatabase.models();
  // Checked before the token is used up, so a refused password leaves the link working.
  const accountId = await peekOneTimeToken(input.token, 'password-reset');
  const account = accountId
    ? await Account.findOne({ _id: accountId, deletedAt: null }, { email: 1 }).lean()
    : null;
  if (!account) throw new TRPCError({ code: 'BAD_REQUEST', message: linkExpired });
  if (passwordEqualsEmail(input.password, account.email)) {
    throw passwordIssue('The password must not be your email address');
  }
  const passwordHash = await hashPassword(input.password);
  if (!(await consumeOneTimeToken(input.token, 'password-reset'))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: linkExpired });
  }
  await Account.updateOne({ _id: account._id }, { $set: { passwordHash } });
  await revokeAccountSessions(account._id);
  ctx.logger.info({ accountId: account._id.toString() }, 'password reset');
  return { ok: true };
}

/** Emails the caller a new verification link (nothing is sent when already verified). */
export async function requestEmailVerification({
  ctx,
}: HandlerArgs<undefined, SignedInContext>): Promise<Done> {
  const account = await signedInAccount(ctx.identity.accountId);
  if (!account.emailVerifiedAt) await sendVerificationEmail(account, ctx.logger);
  return { ok: true };
}

/** Marks the email of the link's account as verified. */
export async function verifyEmail({ input }: HandlerArgs<VerifyEmailInput>): Promise<Done> {
  const accountId = await consumeOneTimeToken(input.token, 'email-verification');
  if (!accountId) throw new TRPCError({ code: 'BAD_REQUEST', message: linkExpired });
  const { Account } = await authDatabase.models();
  await Account.updateOne(
    { _id: accountId, emailVerifiedAt: null },
    { $set: { emailVerifiedAt: new Date() } },
  );
  return { ok: true };
}
