import { describe, expect, it } from 'vitest';
import { uncountedReason } from './uncounted-request';

const browser =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe('requests that are not counted', () => {
  it('drops robots and requests without a user agent', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0',
      'curl/8.5.0',
      '',
    ]) {
      expect(uncountedReason(new Headers({ 'user-agent': agent })), agent).toBe('robot');
    }
  });

  it('drops prefetches and prerenders, keeps a shopper', () => {
    expect(uncountedReason(new Headers({ 'user-agent': browser, 'sec-purpose': 'prefetch' }))).toBe(
      'prefetch',
    );
    expect(uncountedReason(new Headers({ 'user-agent': browser, purpose: 'prefetch' }))).toBe(
      'prefetch',
    );
    expect(uncountedReason(new Headers({ 'user-agent': browser }))).toBeNull();
  });
});
