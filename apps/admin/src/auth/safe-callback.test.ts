import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

describe('where sign-in returns to', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeCallbackPath('/customers?q=ada#top')).toBe('/customers?q=ada#top');
  });

  it.each([
    ['an absolute URL', 'https://evil.example/steal'],
    ['a protocol-relative URL', '//evil.example/steal'],
    ['a backslash trick', '/\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['the sign-in page itself', '/sign-in?callbackUrl=/staff'],
    ['no value', undefined],
    ['a list', ['/staff']],
  ])('falls back to the dashboard for %s', (_label, value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });
});
