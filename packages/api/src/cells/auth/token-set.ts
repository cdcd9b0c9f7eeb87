import type { Types } from 'mongoose';
import { signAccessToken } from '../../identity/access-token';
import { accountView, type StoredAccountFields, type TokenSet } from './views';
import { issueRefreshToken } from './refresh-tokens';
import { currentSigningKey } from './signing-keys';

/** A fresh access token plus a refresh token of `familyId` (a new family when omitted). */
export async function issueTokenSet(
  account: StoredAccountFields & { _id: Types.ObjectId },
  familyId?: string,
): Promise<TokenSet> {
  const view = accountView(account);
  const refresh = await issueRefreshToken(account._id, familyId);
  const { accessToken, expiresAt } = await signAccessToken(await currentSigningKey(), {
    accountId: view.id,
    email: view.email,
    roles: view.roles,
    sessionId: refresh.familyId,
  });
  return {
    accessToken,
    accessTokenExpiresAt: expiresAt.toISOString(),
    refreshToken: refresh.refreshToken,
    refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
    account: view,
  };
}
