import { accessTokenLifetimeSeconds } from '../../identity/access-token';
import { authDatabase } from './database';

/**
 * A revoked session stays listed while an access token issued to it can still be valid: the
 * longest token lifetime plus a minute of clock skew between hosts.
 */
export const revokedSessionListedForMs = (accessTokenLifetimeSeconds + 60) * 1000;

/** How long one replica reuses the list it read (every cell polls it about once a second). */
const listCacheMs = 1_000;

let cached: { at: number; ids: Promise<string[]> } | undefined;

/**
 * Ids of the sessions (refresh-token families) revoked within `revokedSessionListedForMs`, read
 * from auth_db at most once a second per replica, whatever the number of cells asking.
 */
export function recentlyRevokedSessionIds(): Promise<string[]> {
  if (!cached || Date.now() - cached.at > listCacheMs) {
    const entry = {
      at: Date.now(),
      ids: (async () => {
        const { RefreshToken } = await authDatabase.models();
        const since = new Date(Date.now() - revokedSessionListedForMs);
        const revoked = await RefreshToken.find(
          { revokedAt: { $gt: since } },
          { familyId: 1, _id: 0 },
        ).lean<{ familyId: string }[]>();
        return [...new Set(revoked.map((token) => token.familyId))];
      })(),
    };
    cached = entry;
    // Read again on the next call rather than caching a failure.
    entry.ids.catch(() => {
      if (cached === entry) cached = undefined;
    });
  }
  return cached.ids;
}

/** This replica revoked a session: its next list is read fresh (others follow within a second). */
export function forgetRevokedSessionList(): void {
  cached = undefined;
}
