import { fieldError } from '../../trpc/field-error';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, publicProcedure } from '../../trpc/procedures';
import { requestEmailVerification, requestPasswordReset } from './emailed-links';
import { authDatabase } from './database';
import { consumeOneTimeToken, peekOneTimeToken } from './one-time-tokens';
import { hashPassword } from './passwords';
import { emailInput, newPassword, passwordEqualsEmail } from './password-policy';
import { revokeAccountSessions } from './refresh-tokens';
import { secretTokenPattern } from './secret-tokens';
import { signedInAccount } from './signed-in-account';

const linkToken = z.string().regex(secretTokenPattern, 'This link is not valid');
const linkExpired = 'This link has expired or was already used; ask for a new one';

export const recoveryProcedures = {
  /**
   * Emails a single-use reset link (valid one hour) when the email has an account. Always
   * answers ok, so the answer never tells whether an email is registered.
   */
  requestPasswordReset: publicProcedure
    .input(z.object({ email: emailInput }))
    .mutation(async ({ input, ctx }) => {
      const { Account } = await authDatabase.models();
      const account = await Account.findOne(
        { email: input.email, deletedAt: null },
        { email: 1, name: 1 },
      ).lean();
      if (account) await requestPasswordReset(account, ctx.logger);
      return { ok: true as const };
    }),

  /** Sets a new password with an emailed token (used up), and signs out every session. */
  resetPassword: publicProcedure
    .input(z.object({ token: linkToken, password: newPassword }))
    .mutation(async ({ input, ctx }) => {
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
      return { ok: true as const };
    }),

  /** Emails the caller a new verification link (nothing is sent when already verified). */
  requestEmailVerification: authedProcedure.mutation(async ({ ctx }) => {
    const account = await signedInAccount(ctx.identity.accountId);
    if (!account.emailVerifiedAt) await requestEmailVerification(account, ctx.logger);
    return { ok: true as const };
  }),

  /** Marks the email of the link's account as verified. */
  verifyEmail: publicProcedure.input(z.object({ token: linkToken })).mutation(async ({ input }) => {
    const accountId = await consumeOneTimeToken(input.token, 'email-verification');
    if (!accountId) throw new TRPCError({ code: 'BAD_REQUEST', message: linkExpired });
    const { Account } = await authDatabase.models();
    await Account.updateOne(
      { _id: accountId, emailVerifiedAt: null },
      { $set: { emailVerifiedAt: new Date() } },
    );
    return { ok: true as const };
  }),
};

/** A 400 shaped like a schema failure, so the form shows it next to the password field. */
export function passwordIssue(message: string, field = 'password'): TRPCError {
  return fieldError([field], message);
}
