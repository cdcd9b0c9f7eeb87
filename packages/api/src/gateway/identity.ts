import { appServerConfig, sessionSecretFrom } from '../config/app-server';
import { decodeSessionToken } from './session-token';

/**
 * THE place where the gateway attaches the signed-in user's identity to a cell call.
 *
 * The apps sign users in with next-auth (JWT strategy): the session cookie is a JWT encrypted
 * with the app's secret (`NEXTAUTH_SECRET`, else `AUTH_SECRET`) and carries the auth cell's
 * short-lived RS256 access token. This reads that cookie and sets
 * `authorization: Bearer <access token>`; the cell verifies the token against the auth cell's
 * public keys. Only the cookie counts: the browser's own `authorization` header is never copied
 * (see forwarded-headers.ts), so a browser cannot present a token the app did not issue.
 *
 * An expired access token is still attached: the cell answers 401, and the app's next session
 * refresh (its proxy or `/api/auth/session`) replaces it. The gateway never refreshes itself,
 * because refresh tokens rotate and two refreshers would trip reuse detection.
 */
export async function attachIdentity(
  request: Request,
  toCell: Headers,
  options: IdentityOptions = {},
): Promise<void> {
  const accessToken = await accessTokenFromSession(request.headers, options);
  if (accessToken) toCell.set('authorization', `Bearer ${accessToken}`);
}

export interface IdentityOptions {
  /** The apps' next-auth secret; default `NEXTAUTH_SECRET`, else `AUTH_SECRET`. */
  secret?: string;
  /**
   * The session cookie's names, most specific first. Default: next-auth's own. Two apps on one
   * host (every port of 127.0.0.1 shares cookies) need different names, so the admin sets its own.
   */
  sessionCookieNames?: readonly string[];
  /**
   * The app the session must have been sealed for (its `aud`, `@shop/auth-session`'s
   * session-seal.ts); default the storefront's. Both apps may share one secret, so a shopper's
   * cookie renamed to the admin's name must not be accepted by the admin's gateway either.
   */
  audience?: string;
}

/** The storefront's sessions carry this audience; the admin's carry `shop-admin`. */
export const defaultSessionAudience = 'shop-storefront';

/** next-auth's session cookie names: the `__Secure-` one on https, the plain one otherwise. */
export const defaultSessionCookieNames = [
  '__Secure-next-auth.session-token',
  'next-auth.session-token',
] as const;

/** The access token inside the request's next-auth session cookie, or null. */
export async function accessTokenFromSession(
  headers: Headers,
  {
    secret = sessionSecretFrom(appServerConfig()),
    sessionCookieNames = defaultSessionCookieNames,
    audience = defaultSessionAudience,
  }: IdentityOptions = {},
): Promise<string | null> {
  if (!secret) return null;
  const cookies = parseCookies(headers.get('cookie'));
  for (const name of sessionCookieNames) {
    const sealed = joinChunks(cookies, name);
    if (!sealed) continue;
    try {
      const token = await decodeSessionToken(sealed, secret);
      if (token.aud !== audience) continue;
      const accessToken: unknown = token.accessToken;
      // A session whose refresh failed is signed out: its stale token is not sent on.
      if (typeof accessToken === 'string' && accessToken && !token.error) return accessToken;
    } catch {
      // Not ours (another secret, tampered, truncated): no identity rather than an error.
    }
    return null;
  }
  return null;
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** next-auth splits a session cookie above ~4 KB into `<name>.0`, `<name>.1`, ... */
function joinChunks(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index += 1) {
    chunks.push(cookies.get(`${name}.${index}`) ?? '');
  }
  return chunks.length > 0 ? chunks.join('') : null;
}
