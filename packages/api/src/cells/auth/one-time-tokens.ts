import type { OneTimeTokenPurpose } from '@shop/db/auth';
import type { Types } from 'mongoose';
import { authDatabase } from './database';
import { newSecretToken, sha256Hex } from '../../secrets';

export const oneTimeTokenLifetimeMs: Readonly<Record<OneTimeTokenPurpose, number>> = {
  'password-reset': 60 * 60 * 1000,
  'email-verification': 24 * 60 * 60 * 1000,
};

/**
 * A new emailed token for `purpose`. Earlier unused ones of the same purpose stop working: only
 * the newest email's link does what it says.
 */
export async function issueOneTimeToken(
  accountId: Types.ObjectId,
  purpose: OneTimeTokenPurpose,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const { OneTimeToken } = await authDatabase.models();
  await OneTimeToken.updateMany({ accountId, purpose, usedAt: null }, { $set: { usedAt: now } });
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + oneTimeTokenLifetimeMs[purpose]);
  await OneTimeToken.create({ hash: sha256Hex(token), purpose, accountId, expiresAt });
  return { token, expiresAt };
}

function liveFilter(token: string, purpose: OneTimeTokenPurpose, now: Date) {
  return { hash: sha256Hex(token), purpose, usedAt: null, expiresAt: { $gt: now } };
}

/** The account a live token is for, without using it up. */
export async function peekOneTimeToken(
  token: string,
  purpose: OneTimeTokenPurpose,
  now = new Date(),
): Promise<Types.ObjectId | null> {
  const { OneTimeToken } = await authDatabase.models();
  const found = await OneTimeToken.findOne(liveFilter(token, purpose, now), {
    accountId: 1,
  }).lean();
  return found?.accountId ?? null;
}

/**
 * Uses the token up and returns its account, or null when it is unknown, used or expired. One
 * conditional update: two concurrent uses cannot both succeed.
 */
export async function consumeOneTimeToken(
  token: string,
  purpose: OneTimeTokenPurpose,
  now = new Date(),
): Promise<Types.ObjectId | null> {
  const { OneTimeToken } = await authDatabase.models();
  const used = await OneTimeToken.findOneAndUpdate(
    liveFilter(token, purpose, now),
    { $set: { usedAt: now } },
    { returnDocument: 'after', projection: { accountId: 1 } },
  ).lean();
  return used?.accountId ?? null;
}
