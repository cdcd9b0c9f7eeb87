/**
 * The secret next-auth seals the session cookie with. `pnpm dev` and the e2e stack provide one
 * (tooling/stack); production sets `NEXTAUTH_SECRET` from a Kubernetes secret.
 */
export function sessionSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || undefined;
}

/** On https the cookies get the `__Secure-` / `__Host-` prefixes browsers enforce. */
export function usesSecureCookies(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
}

/**
 * The admin's own cookie names: browsers share cookies between every port of a host, so with
 * next-auth's default names the storefront (127.0.0.1:3000) and the admin (127.0.0.1:3100) would
 * overwrite each other's sessions. The gateway is told the same name (api/cells route).
 */
export function sessionCookieName(): string {
  return `${usesSecureCookies() ? '__Secure-' : ''}shop-admin.session-token`;
}

export function adminCookieNames(): string[] {
  return [sessionCookieName()];
}

const cookieOptions = () => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  path: '/',
  secure: usesSecureCookies(),
});

/** next-auth's `cookies` option with the admin's names. */
export function adminCookies() {
  const secure = usesSecureCookies();
  return {
    sessionToken: { name: sessionCookieName(), options: cookieOptions() },
    callbackUrl: {
      name: `${secure ? '__Secure-' : ''}shop-admin.callback-url`,
      options: cookieOptions(),
    },
    csrfToken: {
      name: `${secure ? '__Host-' : ''}shop-admin.csrf-token`,
      options: cookieOptions(),
    },
  };
}
