import { TRPCClientError } from '@shop/api/client';
import type { CredentialsConfig } from 'next-auth/providers/credentials';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A hand-written stand-in for the auth cell (see refresh-session.test.ts for why not vi.fn).
let loginAnswer: () => Promise<unknown> = () => Promise.reject(new Error('not set'));
const loggedOut: string[] = [];
vi.mock('./auth-cell', () => ({
  logIn: () => loginAnswer(),
  logOut: async (refreshToken: string) => {
    loggedOut.push(refreshToken);
  },
}));
const { createAuthOptions } = await import('./auth-options');
const { defaultSessionCookies, prefixedSessionCookies } = await import('./session-cookies');

const shopper = { id: 's1', email: 'sam@example.com', name: 'Sam', roles: [], emailVerified: true };
const manager = { ...shopper, id: 'm1', roles: ['catalog_manager'] };
const tokensFor = (account: object) => ({
  accessToken: 'access',
  accessTokenExpiresAt: '2026-01-01T12:15:00Z',
  refreshToken: 'refresh-1',
  refreshTokenExpiresAt: '2026-01-08T12:00:00Z',
  account,
});
const refusal = (code: string) =>
  TRPCClientError.from({ error: { message: 'no', code: -32001, data: { code } } });

const shop = () =>
  createAuthOptions({
    providerName: 'Email and password',
    cookies: defaultSessionCookies,
    pages: { signIn: '/sign-in', error: '/sign-in' },
  });
const backOffice = () =>
  createAuthOptions({
    providerName: 'Staff email and password',
    cookies: prefixedSessionCookies('shop-admin'),
    pages: { signIn: '/sign-in', error: '/sign-in' },
    admits: { account: (account) => account.roles.length > 0, refusal: 'NoStaffAccess' },
  });

/** Signs in through the options' credentials provider, as next-auth's callback route does. */
function signIn(options: ReturnType<typeof createAuthOptions>, email = 'sam@example.com') {
  const provider = options.providers[0] as unknown as { options: CredentialsConfig };
  return provider.options.authorize({ email, password: 'correct horse' }, {
    headers: { 'x-forwarded-for': '203.0.113.9' },
  } as never);
}

beforeEach(() => {
  loggedOut.length = 0;
});

describe('the apps’ next-auth options', () => {
  it('seals each app’s sessions so that the other app refuses them, though the secret is one', async () => {
    const secret = 'the one secret both apps were given in this test';
    const shopJwt = shop().jwt!;
    const backOfficeJwt = backOffice().jwt!;
    const shopperSession = await shopJwt.encode!({ token: { accessToken: 'a' }, secret });
    expect(await shopJwt.decode!({ token: shopperSession, secret })).toMatchObject({
      accessToken: 'a',
    });
    expect(await backOfficeJwt.decode!({ token: shopperSession, secret })).toBeNull();
  });

  it('sets only the back office’s cookie names (the shop keeps next-auth’s)', () => {
    expect('cookies' in shop()).toBe(false);
    expect(backOffice().cookies?.sessionToken?.name).toBe('shop-admin.session-token');
  });

  it('signs a shopper in to the shop', async () => {
    loginAnswer = async () => tokensFor(shopper);
    expect(await signIn(shop())).toMatchObject({ id: 's1', tokens: { refreshToken: 'refresh-1' } });
    expect(loggedOut).toEqual([]);
  });

  it('refuses a shopper’s correct password in the back office and revokes the fresh tokens', async () => {
    loginAnswer = async () => tokensFor(shopper);
    await expect(signIn(backOffice())).rejects.toThrow('NoStaffAccess');
    expect(loggedOut).toEqual(['refresh-1']);
  });

  it('signs staff in to the back office', async () => {
    loginAnswer = async () => tokensFor(manager);
    expect(await signIn(backOffice())).toMatchObject({ id: 'm1' });
  });

  it.each([
    ['a wrong password', 'UNAUTHORIZED', null],
    ['throttling', 'TOO_MANY_REQUESTS', 'TooManyAttempts'],
    ['a failing cell', 'INTERNAL_SERVER_ERROR', 'SignInUnavailable'],
  ])('reports %s the same way in both apps', async (_label, code, failure) => {
    loginAnswer = () => Promise.reject(refusal(code));
    for (const options of [shop(), backOffice()]) {
      if (failure) await expect(signIn(options)).rejects.toThrow(failure);
      else expect(await signIn(options)).toBeNull();
    }
  });

  it('does not ask the cell about input it would refuse', async () => {
    loginAnswer = () => Promise.reject(new Error('must not be called'));
    expect(await signIn(shop(), '')).toBeNull();
  });
});
