import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { defaultShopCellUrl } from '../client/cell-urls';
import { commonConfig } from '../config/common';
import { hostConfig } from '../config/host';
import { rootLogger } from '../observability/logger';
import {
  remoteRevokedSessions,
  revokedSessionsPath,
  withRevokedSessions,
} from './revoked-sessions';

type Env = Record<string, string | undefined>;

export const jwksPath = '/.well-known/jwks.json';

/** Where the auth cell publishes its public keys: `AUTH_CELL_URL`, else `SHOP_CELL_URL`. */
export function authJwksUrl(env: Env = commonConfig()): URL {
  const base = env.AUTH_CELL_URL || env.SHOP_CELL_URL || defaultShopCellUrl;
  return new URL(jwksPath, base);
}

/**
 * The auth cell's public keys fetched over HTTP and cached by jose: refetched when a token names
 * an unknown key (a rotation), at most once per cooldown (`AUTH_JWKS_COOLDOWN_MS`, 30 s) so forged
 * kids cannot make every request a fetch, and otherwise kept for 10 minutes. Paired with the auth
 * cell's revocation list (`revoked-sessions.ts`), which the verifier then checks.
 */
export function remoteAuthKeySet(
  url: URL = authJwksUrl(),
  cooldownMs: number = hostConfig().AUTH_JWKS_COOLDOWN_MS,
): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(url, {
    cooldownDuration: cooldownMs,
    cacheMaxAge: 10 * 60_000,
    timeoutDuration: 5_000,
  });
  // The same auth cell's list of revoked sessions, checked with every token that names one.
  const revoked = remoteRevokedSessions(new URL(revokedSessionsPath, url), (error) =>
    rootLogger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'revoked sessions not refreshed: using the last list',
    ),
  );
  return withRevokedSessions(keySet, revoked);
}
