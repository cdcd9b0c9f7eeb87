import { isDuplicateKeyError } from '@shop/db/claims';
import { TRPCError } from '@trpc/server';
import { sendEvent } from '../../../events/inngest-client';
import { signUps } from '../../../observability/business-metrics';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { authDatabase } from '../database';
import { messageOf, sendVerificationEmail } from '../emailed-links';
import { userRegistered } from '../events';
import type { LoginInput, LogoutInput, RefreshInput, RegisterInput } from '../inputs';
import { rememberDevice } from '../known-devices';
import { forgiveLoginAttempt } from '../login-throttle';
import { hashPassword, needsRehash, passwordMatches } from '../passwords';
import { familyOf, revokeAccountSessions, revokeFamily, useRefreshToken } from '../refresh-tokens';
import { accountObjectId, signedInAccount } from '../signed-in-account';
import { admitPasswordAttempt } from '../sign-in-guard';
import { issueTokenSet } from '../token-set';
import { accountView, type AccountView, type Done, type TokenSet } from '../views';

const alreadyRegistered = 'This email is already registered';
const wrongCredentials = 'Wrong email or password';
const sessionOver = 'Your session has ended; sign in again';

/** A new customer account, signed in. CONFLICT when the email already has an account. */
export async function register({ input, ctx }: HandlerArgs<RegisterInput>): Promise<TokenSet> {
  const { Account } = await authDatabase.models();
  // The pre-check gives the clear answer; the unique index settles races on a real MongoDB.
  if (await Account.exists({ email: input.email })) {
    throw new TRPCError({ code: 'CONFLICT', message: alreadyRegistered });
  }
  let account;
  try {
    account = await Account.create({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      roles: ['customer'],
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw new TRPCError({ code: 'CONFLICT', message: alreadyRegistered });
    }
    throw error;
  }
  const accountId = account._id.toString();
  ctx.logger.info({ accountId }, 'account registered');
  signUps.inc();
  // Neither send fails the registration: the account exists and works either way.
  await Promise.all([
    sendEvent('auth', userRegistered, {
      accountId,
      email: account.email,
      name: account.name,
    }).catch((error: unknown) =>
      ctx.logger.warn({ error: messageOf(error), accountId }, 'user.registered not sent'),
    ),
    sendVerificationEmail(account, ctx.logger),
  ]);
  const deviceToken = await rememberDevice(account._id, { clientAddress: ctx.clientAddress });
  return { ...(await issueTokenSet(account)), deviceToken };
}

/**
 * Email + password in, a TokenSet out (with the device token the app keeps for next time).
 * Refused (401) with the same words for any wrong part; throttled (429 + Retry-After) per
 * account and address, per address and per account, whether or not the email has an account;
 * a device that signed in before passes the address-wide and account-wide limits
 * (`sign-in-guard.ts`).
 */
export async function login({ input, ctx }: HandlerArgs<LoginInput>): Promise<TokenSet> {
  const device = { deviceToken: input.deviceToken, clientAddress: ctx.clientAddress };
  await admitPasswordAttempt(input.email, device, ctx.logger);
  const { Account } = await authDatabase.models();
  const account = await Account.findOne({ email: input.email, deletedAt: null }).lean();
  // Compares against a dummy hash when there is no account: both failures take as long.
  if (!(await passwordMatches(input.password, account?.passwordHash)) || !account) {
    // No email in the log: it is personal data, and logs outlive accounts.
    ctx.logger.info({ clientAddress: ctx.clientAddress }, 'login refused');
    throw new TRPCError({ code: 'UNAUTHORIZED', message: wrongCredentials });
  }
  await forgiveLoginAttempt(input.email, ctx.clientAddress);
  if (needsRehash(account.passwordHash!)) {
    await Account.updateOne(
      { _id: account._id },
      { $set: { passwordHash: await hashPassword(input.password) } },
    );
  }
  const deviceToken = await rememberDevice(account._id, device);
  return { ...(await issueTokenSet(account)), deviceToken };
}

/** Trades a refresh token for a new TokenSet; the old token stops working (rotation). */
export async function refresh({ input, ctx }: HandlerArgs<RefreshInput>): Promise<TokenSet> {
  const use = await useRefreshToken(input.refreshToken);
  if (use.outcome === 'reused') {
    // A used token came back: whoever holds the newer one, one of the two is a thief.
    ctx.logger.warn(
      { accountId: use.accountId.toString(), familyId: use.familyId },
      'refresh token reused: session revoked',
    );
  }
  if (use.outcome !== 'used') {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: sessionOver });
  }
  const { Account } = await authDatabase.models();
  const account = await Account.findOne({ _id: use.accountId, deletedAt: null }).lean();
  if (!account) {
    await revokeFamily(use.familyId);
    throw new TRPCError({ code: 'UNAUTHORIZED', message: sessionOver });
  }
  return issueTokenSet(account, use.familyId);
}

/** Ends the session the refresh token belongs to. Always ok (again, or for unknown tokens). */
export async function logout({ input }: HandlerArgs<LogoutInput>): Promise<Done> {
  const familyId = await familyOf(input.refreshToken);
  if (familyId) await revokeFamily(familyId);
  return { ok: true };
}

/**
 * Ends every session of the caller. Access tokens already issued are refused by every cell once
 * its copy of the revocation list names the sessions (a few seconds, `revoked-session-list.ts`).
 */
export async function logoutEverywhere({
  ctx,
}: HandlerArgs<undefined, SignedInContext>): Promise<Done> {
  await revokeAccountSessions(accountObjectId(ctx.identity.accountId));
  return { ok: true };
}

/** The caller's account, fresh from auth_db. */
export async function me({ ctx }: HandlerArgs<undefined, SignedInContext>): Promise<AccountView> {
  return accountView(await signedInAccount(ctx.identity.accountId));
}
