import { prefixedSessionCookies } from '@shop/auth-session/session-cookies';

/**
 * The admin's own cookie names (`shop-admin.session-token`, ...): browsers share cookies between
 * every port of a host, so with next-auth's default names the storefront (127.0.0.1:3000) and
 * the admin (127.0.0.1:3100) would overwrite each other's sessions. The gateway is told the same
 * name (api/cells route).
 */
export const adminCookies = prefixedSessionCookies('shop-admin');

export function adminCookieNames(): string[] {
  return [adminCookies.sessionCookieName()];
}
