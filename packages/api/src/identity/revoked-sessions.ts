import type { JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

/**
 * Sessions (refresh-token families, the `sid` claim) the auth cell has revoked recently: signed
 * out, signed out everywhere, ended by a reused refresh token, a password change or reset, or a
 * deleted account. Their access tokens still carry a valid signature until they expire; cells
 * refuse them once the list names them.
 */
export interface RevokedSessions {
  /** Synchronous while the list is fresh; waits for a reload only when it is too old. */
  isRevoked(sessionId: string): boolean | Promise<boolean>;
}

/** Where the auth cell publishes the list, next to its JWKS. */
export const revokedSessionsPath = '/.well-known/revoked-sessions.json';

/** The published list: `{ sessions: [sid, ...] }`. */
export const revokedSessionsBody = z.object({
  sessions: z.array(z.string().min(1).max(200)),
});

export interface RevokedSessionsTiming {
  /** Older than this, the list is reloaded in the background (requests use the current one). */
  freshMs: number;
  /** Older than this, a request waits for the reload: the bound on a revoked token's life. */
  maxAgeMs: number;
  /** After a failed load, requests use the last list (fail open) this long before trying again. */
  retryAfterFailureMs: number;
}

export const revokedSessionsTiming: RevokedSessionsTiming = {
  freshMs: 1_000,
  maxAgeMs: 3_000,
  retryAfterFailureMs: 5_000,
};

/**
 * A revocation list kept in memory and reloaded with `load` as it ages. Checking a session id is a
 * Set lookup, so verification stays as fast as before; the reload costs one request per second per
 * process, never one per call. When loading fails (the auth cell is down), the last list is used:
 * cells keep serving signed-in callers, and the tokens' own expiry bounds what a revoked session
 * can still do (see docs/architecture.md, Identity).
 */
export function pollingRevokedSessions(
  load: () => Promise<readonly string[]>,
  onError: (error: unknown) => void = () => undefined,
  timing: RevokedSessionsTiming = revokedSessionsTiming,
): RevokedSessions {
  let revoked: ReadonlySet<string> = new Set();
  let loadedAt = Number.NEGATIVE_INFINITY;
  let failedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | undefined;

  const reload = async () => {
    try {
      revoked = new Set(await load());
      loadedAt = Date.now();
    } catch (error) {
      failedAt = Date.now();
      onError(error);
    } finally {
      loading = undefined;
    }
  };

  return {
    isRevoked(sessionId) {
      const now = Date.now();
      const age = now - loadedAt;
      if (age >= timing.freshMs && !loading && now - failedAt >= timing.retryAfterFailureMs) {
        loading = reload();
      }
      if (age < timing.maxAgeMs || !loading) return revoked.has(sessionId);
      return loading.then(() => revoked.has(sessionId));
    },
  };
}

/** The list as the auth cell publishes it over HTTP, fetched with a short timeout. */
export function remoteRevokedSessions(
  url: URL,
  onError?: (error: unknown) => void,
): RevokedSessions {
  return pollingRevokedSessions(async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    if (!response.ok) throw new Error(`revoked sessions: ${url.href} answered ${response.status}`);
    return revokedSessionsBody.parse(await response.json()).sessions;
  }, onError);
}

// Which list goes with which key set: the auth cell's keys and its list come from one place.
const listsByKeySet = new WeakMap<JWTVerifyGetKey, RevokedSessions>();

/** Pairs a key set with the revocation list of the same auth cell; returns the key set. */
export function withRevokedSessions(
  keySet: JWTVerifyGetKey,
  revokedSessions: RevokedSessions,
): JWTVerifyGetKey {
  listsByKeySet.set(keySet, revokedSessions);
  return keySet;
}

/** The revocation list paired with `keySet`, if any. */
export function revokedSessionsOf(keySet: JWTVerifyGetKey): RevokedSessions | undefined {
  return listsByKeySet.get(keySet);
}
