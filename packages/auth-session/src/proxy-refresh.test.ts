import { TRPCClientError } from '@shop/api/client';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The auth cell's refresh, answered by each test (see refresh-session.test.ts for why not vi.fn).
let refreshAnswer: () => Promise<unknown> = () => Promise.reject(new Error('not set'));
vi.mock('./auth-cell', () => ({ refreshTokens: () => refreshAnswer() }));
const { refreshSessionIn } = await import('./proxy-refresh');
const { defaultSessionCookies, prefixedSessionCookies } = await import('./session-cookies');
const { sealSession } = await import('./session-seal');

const secret = 'a test secret of enough length for next-auth';
const adminCookies = prefixedSessionCookies('shop-admin');
const account = { id: 'a1', email: 'ada@example.com', name: 'Ada', roles: [], emailVerified: true };
let refreshCount = 0;

/** A session cookie sealed for `audience` whose access token expires in `expiresInMs`. */
function sealedSession(expiresInMs: number, audience = 'shop-storefront') {
  return sealSession(
    {
      accessToken: 'access',
      accessTokenExpiresAt: Date.now() + expiresInMs,
      refreshToken: `refresh-${++refreshCount}`,
      refreshTokenExpiresAt: Date.now() + 86_400_000,
      account,
    },
    { secret, audience },
  );
}

function request(
  path: string,
  cookie?: { name: string; value: string },
  extraHeaders: Record<string, string> = {},
) {
  const headers = new Headers({
    ...(cookie ? { cookie: `${cookie.name}=${cookie.value}` } : {}),
    ...extraHeaders,
  });
  return new NextRequest(new URL(path, 'http://127.0.0.1:3300'), { headers });
}

const shopOptions = {
  cookies: defaultSessionCookies,
  needsSession: (path: string) => path.startsWith('/account'),
};
const adminOptions = {
  cookies: adminCookies,
  needsSession: (path: string) => path !== '/sign-in',
  refusalPage: (_token: unknown, path: string) => (path === '/staff' ? '/no-access' : undefined),
};

beforeAll(() => {
  vi.stubEnv('NEXTAUTH_SECRET', secret);
  vi.stubEnv('NEXTAUTH_URL', 'http://127.0.0.1:3300');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('the proxy’s session refresh', () => {
  it('sends a signed-out visitor of a page that needs a session to sign in and back', async () => {
    const response = await refreshSessionIn(request('/account/addresses?tab=1'), shopOptions);
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('callbackUrl')).toBe('/account/addresses?tab=1');
  });

  it('lets a signed-out visitor see pages that need no session, and returns to / without a callback', async () => {
    expect(
      (await refreshSessionIn(request('/products'), shopOptions)).headers.get('location'),
    ).toBeNull();
    const home = await refreshSessionIn(request('/'), adminOptions);
    expect(new URL(home.headers.get('location')!).search).toBe('');
  });

  it('reads each app’s session from its own cookie name only', async () => {
    const value = await sealedSession(10 * 60_000, 'shop-admin');
    const own = await refreshSessionIn(
      request('/customers', { name: 'shop-admin.session-token', value }),
      adminOptions,
    );
    expect(own.headers.get('location')).toBeNull();
    const shopCookie = await refreshSessionIn(
      request('/customers', { name: 'next-auth.session-token', value }),
      adminOptions,
    );
    expect(shopCookie.headers.get('location')).toContain('/sign-in');
  });

  it('refuses a session sealed for the other app, even under this app’s cookie name', async () => {
    // Both apps share one secret here, as they may in production: only the audience tells them
    // apart. A shopper's storefront cookie renamed to the back office's name opens nothing.
    const shopperSession = await sealedSession(10 * 60_000, 'shop-storefront');
    const renamed = await refreshSessionIn(
      request('/', { name: 'shop-admin.session-token', value: shopperSession }),
      adminOptions,
    );
    expect(new URL(renamed.headers.get('location')!).pathname).toBe('/sign-in');
    const staffSession = await sealedSession(10 * 60_000, 'shop-admin');
    const intoTheShop = await refreshSessionIn(
      request('/account', { name: 'next-auth.session-token', value: staffSession }),
      shopOptions,
    );
    expect(new URL(intoTheShop.headers.get('location')!).pathname).toBe('/sign-in');
  });

  it('hands the request’s headers on to the rendering, as the caller set them', async () => {
    const value = await sealedSession(10 * 60_000, 'shop-admin');
    const signedIn = request('/customers', { name: 'shop-admin.session-token', value });
    signedIn.headers.set('content-security-policy', "script-src 'nonce-abc'");
    const response = await refreshSessionIn(signedIn, adminOptions);
    expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(
      "script-src 'nonce-abc'",
    );
    const signedOut = request('/products');
    signedOut.headers.set('content-security-policy', "script-src 'nonce-def'");
    const anonymous = await refreshSessionIn(signedOut, shopOptions);
    expect(anonymous.headers.get('x-middleware-request-content-security-policy')).toBe(
      "script-src 'nonce-def'",
    );
  });

  it('answers a section the roles do not grant with the 403 page, still sending rotated tokens', async () => {
    refreshAnswer = async () => ({
      accessToken: 'new-access',
      accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
      refreshToken: 'rotated',
      refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      account,
    });
    const response = await refreshSessionIn(
      request('/staff', {
        name: 'shop-admin.session-token',
        value: await sealedSession(10_000, 'shop-admin'),
      }),
      adminOptions,
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('x-middleware-rewrite')).toContain('/no-access');
    expect(response.cookies.get('shop-admin.session-token')?.value).toBeTruthy();
  });

  it('signs the user out when the auth cell refuses the refresh', async () => {
    refreshAnswer = () =>
      Promise.reject(
        TRPCClientError.from({
          error: { message: 'no', code: -32001, data: { code: 'UNAUTHORIZED' } },
        }),
      );
    const value = await sealedSession(0);
    const response = await refreshSessionIn(
      request('/account', { name: 'next-auth.session-token', value }),
      shopOptions,
    );
    expect(new URL(response.headers.get('location')!).searchParams.get('reason')).toBe('expired');
    expect(response.cookies.get('next-auth.session-token')?.value).toBe('');
  });

  it('leaves a still-valid session alone on a prefetch, which may be dropped with its cookie', async () => {
    let refreshes = 0;
    refreshAnswer = async () => {
      refreshes += 1;
      return {
        accessToken: 'new-access',
        accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
        refreshToken: 'rotated-on-prefetch',
        refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        account,
      };
    };
    const cookie = { name: 'next-auth.session-token', value: await sealedSession(10_000) };
    const prefetches: Record<string, string>[] = [
      { 'next-router-prefetch': '1' },
      { 'next-router-segment-prefetch': '/_tree' },
      { 'sec-purpose': 'prefetch' },
    ];
    for (const prefetch of prefetches) {
      const response = await refreshSessionIn(
        request('/products/lamp', cookie, prefetch),
        shopOptions,
      );
      expect(response.headers.get('location')).toBeNull();
      expect(response.cookies.get('next-auth.session-token')).toBeUndefined();
    }
    expect(refreshes).toBe(0);
    // The page itself (not a prefetch) refreshes the token that is about to expire.
    const page = await refreshSessionIn(request('/products/lamp', cookie), shopOptions);
    expect(page.cookies.get('next-auth.session-token')?.value).toBeTruthy();
    expect(refreshes).toBe(1);
  });

  it('still refreshes an access token that has already expired, even for a prefetch', async () => {
    let refreshes = 0;
    refreshAnswer = async () => {
      refreshes += 1;
      return {
        accessToken: 'new-access',
        accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
        refreshToken: `rotated-${refreshes}`,
        refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        account,
      };
    };
    const value = await sealedSession(-1_000);
    const response = await refreshSessionIn(
      request(
        '/account',
        { name: 'next-auth.session-token', value },
        { 'next-router-prefetch': '1' },
      ),
      shopOptions,
    );
    expect(refreshes).toBe(1);
    expect(response.cookies.get('next-auth.session-token')?.value).toBeTruthy();
  });
});
