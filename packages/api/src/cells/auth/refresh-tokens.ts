import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import { authDatabase } from './database';
import { newSecretToken, sha256Hex } from '../../secrets';
import { forgetRevokedSessionList } from './revoked-session-list';

export const refreshTokenLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface IssuedRefreshToken {
  refreshToken: string;
  expiresAt: Date;
  familyId: string;
}

/** A new refresh token, starting a new family (a sign-in) or continuing one (a rotation). */
export async function issueRefreshToken(
  accountId: Types.ObjectId,
  familyId: string = randomUUID(),
  now = new Date(),
): Promise<IssuedRefreshToken> {
  const { RefreshToken } = await authDatabase.models();
  const refreshToken = newSecretToken();
  const expiresAt = new Date(now.getTime() + refreshTokenLifetimeMs);
  await RefreshToken.create({
    hash: sha256Hex(refreshToken),
    familyId,
    accountId,
    expiresAt,
  });
  return { refreshToken, expiresAt, familyId };
}

export type RefreshTokenUse =
  | { outcome: 'used'; accountId: Types.ObjectId; familyId: string }
  | { outcome: 'reused'; accountId: Types.ObjectId; familyId: string }
  | { outcome: 'invalid' };

/**
 * Marks the token used, if it is live: one conditional update, so of two concurrent uses exactly
 * one wins (no transactions needed). A token that exists but was already used is a reuse: the
 * family is revoked, since a copy of it is in someone else's hands.
 */
export async function useRefreshToken(token: string, now = new Date()): Promise<RefreshTokenUse> {
  const { RefreshToken } = await authDatabase.models();
  const hash = sha256Hex(token);
  const used = await RefreshToken.findOneAndUpdate(
    { hash, usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
    { returnDocument: 'after', projection: { accountId: 1, familyId: 1 } },
  ).lean();
  if (used) return { outcome: 'used', accountId: used.accountId, familyId: used.familyId };

  const known = await RefreshToken.findOne(
    { hash },
    { accountId: 1, familyId: 1, usedAt: 1 },
  ).lean();
  if (known?.usedAt) {
    await revokeFamily(known.familyId, now);
    return { outcome: 'reused', accountId: known.accountId, familyId: known.familyId };
  }
  return { outcome: 'invalid' };
}

/** Revokes every token of one sign-in session. */
export async function revokeFamily(familyId: string, now = new Date()): Promise<void> {
  const { RefreshToken } = await authDatabase.models();
  await RefreshToken.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: now } });
  forgetRevokedSessionList();
}

/** The family a token belongs to, whatever its state (logout accepts used and expired tokens). */
export async function familyOf(token: string): Promise<string | null> {
  const { RefreshToken } = await authDatabase.models();
  const found = await RefreshToken.findOne({ hash: sha256Hex(token) }, { familyId: 1 }).lean();
  return found?.familyId ?? null;
}

/** Revokes every session of an account, except `keepFamilyId` when given. */
export async function revokeAccountSessions(
  accountId: Types.ObjectId,
  keepFamilyId?: string,
  now = new Date(),
): Promise<void> {
  const { RefreshToken } = await authDatabase.models();
  await RefreshToken.updateMany(
    {
      accountId,
      revokedAt: null,
      ...(keepFamilyId ? { familyId: { $ne: keepFamilyId } } : {}),
    },
    { $set: { revokedAt: now } },
  );
  forgetRevokedSessionList();
}
