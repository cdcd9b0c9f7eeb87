import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

// The two apps' settings (apps/*/src/auth/safe-callback.ts).
const backOffice = { fallback: '/', signInPaths: ['/sign-in'] };
const shop = { fallback: '/account', signInPaths: ['/sign-in', '/sign-up'] };

describe('where sign-in returns to', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeCallbackPath('/customers?q=ada#top', backOffice)).toBe('/customers?q=ada#top');
    expect(safeCallbackPath('/account/addresses', shop)).toBe('/account/addresses');
  });

  it.each([
    ['an absolute URL', 'https://evil.example/steal'],
    ['a protocol-relative URL', '//evil.example/steal'],
    ['a backslash trick', '/\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['the sign-in page itself', '/sign-in?callbackUrl=/staff'],
    ['no value', undefined],
    ['a list', ['/staff']],
  ])('falls back to the app’s own page for %s', (_label, value) => {
    expect(safeCallbackPath(value, backOffice)).toBe('/');
    expect(safeCallbackPath(value, shop)).toBe('/account');
  });

  it('treats only the app’s own sign-in pages as loops', () => {
    // The shop signs up at /sign-up; the back office has no such page, so it is an ordinary path.
    expect(safeCallbackPath('/sign-up', shop)).toBe('/account');
    expect(safeCallbackPath('/sign-up', backOffice)).toBe('/sign-up');
  });
});
