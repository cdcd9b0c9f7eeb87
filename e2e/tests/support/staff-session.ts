import { encode } from 'next-auth/jwt';

/**
 * The next-auth secret of the apps `startAppWithoutCells` starts (only those: the e2e stack
 * generates its own). Test-only, for servers that live for one spec.
 */
export const outageSessionSecret = 'e2e-outage-apps-only-not-a-real-secret-0123456789';

/**
 * A signed-in back-office session cookie (an admin's unless `roles` says otherwise) for an app
 * whose auth cell is down (so nobody can sign in through the form): sealed the way next-auth
 * seals it, with tokens that look valid for an hour.
 * The access token is not a real one; every cell is unreachable in those tests anyway.
 */
export async function staffSessionCookie(appUrl: string, roles: string[] = ['admin']) {
  const now = Date.now();
  const value = await encode({
    secret: outageSessionSecret,
    token: {
      // The app the session belongs to (@shop/auth-session/session-seal): the admin's own.
      aud: 'shop-admin',
      sub: '000000000000000000000001',
      accessToken: 'outage-test-access-token',
      accessTokenExpiresAt: now + 3_600_000,
      refreshToken: 'outage-test-refresh-token',
      refreshTokenExpiresAt: now + 3_600_000,
      account: {
        id: '000000000000000000000001',
        email: 'admin@example.com',
        name: 'Ada Admin',
        roles,
        emailVerified: true,
      },
    },
  });
  return { name: 'shop-admin.session-token', value, url: appUrl };
}
