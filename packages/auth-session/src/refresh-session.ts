import { TRPCClientError } from '@shop/api/client';
import type { JWT } from 'next-auth/jwt';
import { refreshTokens } from './auth-cell';
import { sessionFieldsFrom, type TokenSet } from './session-token';

/** Refresh this long before the access token expires, so no cell call carries a stale one. */
const refreshAheadMs = 60_000;
/** How long a refresh's answer is reused for requests still carrying the old refresh token. */
const reuseAnswerMs = 60_000;

interface Flight {
  answer: Promise<TokenSet>;
  startedAt: number;
}

// Refresh tokens rotate and reusing one revokes the whole family, so concurrent requests of one
// browser (a page and its prefetches, the proxy and /api/auth/session) must not each refresh.
// One flight per refresh token, shared through globalThis because Next bundles the proxy and
// the route handlers separately but runs them in one process.
const flights: Map<string, Flight> = ((
  globalThis as { __shopRefreshFlights?: Map<string, Flight> }
).__shopRefreshFlights ??= new Map());

function refreshOnce(refreshToken: string): Promise<TokenSet> {
  const now = Date.now();
  for (const [key, flight] of flights) {
    if (now - flight.startedAt > reuseAnswerMs) flights.delete(key);
  }
  const existing = flights.get(refreshToken);
  if (existing) return existing.answer;
  const answer = refreshTokens(refreshToken);
  flights.set(refreshToken, { answer, startedAt: now });
  return answer;
}

/**
 * The session token, refreshed through the auth cell when its access token is about to expire.
 * A refusal (revoked, expired or reused refresh token) ends the session (`error`); a cell that is
 * unreachable leaves the session as it is, to try again on the next request.
 */
export async function refreshedIfDue(token: JWT, now = Date.now()): Promise<JWT> {
  if (!token.accessToken || !token.refreshToken || token.error) return token;
  if ((token.accessTokenExpiresAt ?? 0) - now > refreshAheadMs) return token;
  if ((token.refreshTokenExpiresAt ?? 0) <= now) return { ...token, error: 'RefreshFailed' };
  try {
    const tokens = await refreshOnce(token.refreshToken);
    return { ...token, ...sessionFieldsFrom(tokens), error: undefined };
  } catch (error) {
    return isRefusal(error) ? { ...token, error: 'RefreshFailed' } : token;
  }
}

/** The auth cell answered "no" (as opposed to failing or not answering). */
function isRefusal(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const code: unknown = (error.data as { code?: unknown } | undefined)?.code;
  return code === 'UNAUTHORIZED' || code === 'BAD_REQUEST' || code === 'FORBIDDEN';
}
