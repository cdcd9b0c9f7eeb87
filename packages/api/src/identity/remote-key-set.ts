import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { defaultShopCellUrl } from '../client/cell-urls';

type Env = Record<string, string | undefined>;

export const jwksPath = '/.well-known/jwks.json';

/** Where the auth cell publishes its public keys: `AUTH_CELL_URL`, else `SHOP_CELL_URL`. */
export function authJwksUrl(env: Env = process.env): URL {
  const base = env.AUTH_CELL_URL || env.SHOP_CELL_URL || defaultShopCellUrl;
  return new URL(jwksPath, base);
}

/**
 * The auth cell's public keys fetched over HTTP and cached by jose: refetched at most every
 * 30 s when a token names an unknown key (rotation), and otherwise kept for 10 minutes.
 */
export function remoteAuthKeySet(url: URL = authJwksUrl()): JWTVerifyGetKey {
  return createRemoteJWKSet(url, {
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
    timeoutDuration: 5_000,
  });
}
