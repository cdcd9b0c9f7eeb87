import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSessionCookies, prefixedSessionCookies } from './session-cookies';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('session cookie names', () => {
  it('keeps next-auth’s own names for the shop (and no cookies option)', () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://127.0.0.1:3000');
    expect(defaultSessionCookies.sessionCookieName()).toBe('next-auth.session-token');
    expect(defaultSessionCookies.nextAuthCookies()).toBeUndefined();
  });

  it('gives the back office names of its own, so the two apps on one host keep both sessions', () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://127.0.0.1:3100');
    const admin = prefixedSessionCookies('shop-admin');
    expect(admin.sessionCookieName()).toBe('shop-admin.session-token');
    expect(admin.nextAuthCookies()).toMatchObject({
      sessionToken: {
        name: 'shop-admin.session-token',
        options: { httpOnly: true, secure: false },
      },
      callbackUrl: { name: 'shop-admin.callback-url' },
      csrfToken: { name: 'shop-admin.csrf-token' },
    });
  });

  it('uses the prefixes browsers enforce on https', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://shop.example');
    expect(defaultSessionCookies.sessionCookieName()).toBe('__Secure-next-auth.session-token');
    const admin = prefixedSessionCookies('shop-admin');
    expect(admin.sessionCookieName()).toBe('__Secure-shop-admin.session-token');
    expect(admin.nextAuthCookies()).toMatchObject({
      sessionToken: { options: { secure: true } },
      callbackUrl: { name: '__Secure-shop-admin.callback-url' },
      csrfToken: { name: '__Host-shop-admin.csrf-token' },
    });
  });
});
