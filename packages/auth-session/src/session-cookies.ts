import type { NextAuthOptions } from 'next-auth';
import { usesSecureCookies } from './secret';

/**
 * An app's next-auth cookie names. Both are read when called: `NEXTAUTH_URL` decides the
 * `__Secure-` / `__Host-` prefixes.
 */
export interface SessionCookies {
  /** The encrypted session cookie (next-auth splits a large one into `<name>.0`, `<name>.1`...). */
  sessionCookieName(): string;
  /** next-auth's `cookies` option; undefined keeps next-auth's own names. */
  nextAuthCookies(): NextAuthOptions['cookies'];
}

/** next-auth's own cookie names (`next-auth.session-token`, ...). */
export const defaultSessionCookies: SessionCookies = {
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
 * Cookie names of the app's own (`<prefix>.session-token`, `<prefix>.callback-url`,
 * `<prefix>.csrf-token`): browsers share cookies between every port of a host, so two apps on one
 * host with next-auth's default names would overwrite each other's sessions.
 */
export function prefixedSessionCookies(prefix: string): SessionCookies {
  const sessionCookieName = () =>
    `${usesSecureCookies() ? '__Secure-' : ''}${prefix}.session-token`;
  return {
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
