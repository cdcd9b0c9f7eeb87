import type { NextAuthOptions } from 'next-auth';
import { usesSecureCookies } from './secret';

/**
 * An app's session: the audience sealed into it and its next-auth cookie names. The names are read
 * when called: `NEXTAUTH_URL` decides the `__Secure-` / `__Host-` prefixes.
 */
export interface SessionCookies {
  /**
   * The app the session belongs to, sealed into it at sign-in (session-seal.ts): both apps may
   * share one `NEXTAUTH_SECRET`, and a cookie copied from one app to the other under the other's
   * name must open nothing there.
   */
  audience: string;
  /** The encrypted session cookie (next-auth splits a large one into `<name>.0`, `<name>.1`...). */
  sessionCookieName(): string;
  /** next-auth's `cookies` option; undefined keeps next-auth's own names. */
  nextAuthCookies(): NextAuthOptions['cookies'];
}

/** The storefront's session: next-auth's own cookie names (`next-auth.session-token`, ...). */
export const defaultSessionCookies: SessionCookies = {
  audience: 'shop-storefront',
  sessionCookieName: () =>
    usesSecureCookies() ? '__Secure-next-auth.session-token' : 'next-auth.session-token',
  nextAuthCookies: () => undefined,
};

const cookieOptions = () => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  path: '/',
  secure: usesSecureCookies(),
});

/**
 * A session with cookie names of the app's own (`<prefix>.session-token`, `<prefix>.callback-url`,
 * `<prefix>.csrf-token`): browsers share cookies between every port of a host, so two apps on one
 * host with next-auth's default names would overwrite each other's sessions.
 */
export function prefixedSessionCookies(prefix: string): SessionCookies {
  const sessionCookieName = () =>
    `${usesSecureCookies() ? '__Secure-' : ''}${prefix}.session-token`;
  return {
    // The prefix names the app (`shop-admin`), so it is the audience too.
    audience: prefix,
    sessionCookieName,
    nextAuthCookies: () => {
      const secure = usesSecureCookies();
      return {
        sessionToken: { name: sessionCookieName(), options: cookieOptions() },
        callbackUrl: {
          name: `${secure ? '__Secure-' : ''}${prefix}.callback-url`,
          options: cookieOptions(),
        },
        csrfToken: {
          name: `${secure ? '__Host-' : ''}${prefix}.csrf-token`,
          options: cookieOptions(),
        },
      };
    },
  };
}
