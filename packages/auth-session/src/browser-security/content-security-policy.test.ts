import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './content-security-policy';

const stripe = {
  script: ['https://js.stripe.com'],
  frame: ['https://*.stripe.com'],
  connect: ['https://*.stripe.com'],
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('runs a rendered page’s scripts only with the request’s nonce, never inline ones', () => {
    const nonce = newNonce();
    const policy = directives(
      contentSecurityPolicy('rendered-page', { nonce, thirdParty: stripe }),
    );
    expect(policy.get('script-src')).toEqual([
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'self'",
      'https://js.stripe.com',
    ]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('frame-src')).toEqual(['https://*.stripe.com']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://*.stripe.com']);
  });

  it('refuses to build a rendered page’s policy without a nonce', () => {
    expect(() => contentSecurityPolicy('rendered-page')).toThrow(/nonce/);
  });

  it('lets a cached page run its inline scripts but no script from another origin', () => {
    const policy = directives(contentSecurityPolicy('cached-page', { thirdParty: stripe }));
    expect(policy.get('script-src')).toEqual([
      "'self'",
      "'unsafe-inline'",
      'https://js.stripe.com',
    ]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://*.stripe.com']);
  });

  it('lets a framed email load its pictures and nothing else, sandboxed, framed by the app only', () => {
    const policy = directives(contentSecurityPolicy('framed-email', { https: true }));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(['https:', 'http:', 'data:']);
    expect(policy.get('script-src')).toBeUndefined();
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(policy.get('sandbox')).toEqual([]);
    expect(policy.has('upgrade-insecure-requests')).toBe(true);
  });

  it('frames nothing where no third party is named, and loads nothing for data answers', () => {
    expect(directives(contentSecurityPolicy('cached-page')).get('frame-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy('data')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('allows eval only in development, upgrades requests only on https, and names the report path', () => {
    const nonce = newNonce();
    const development = directives(
      contentSecurityPolicy('rendered-page', { nonce, development: true }),
    );
    expect(development.get('script-src')).toContain("'unsafe-eval'");
    expect(development.has('upgrade-insecure-requests')).toBe(false);
    const production = directives(
      contentSecurityPolicy('rendered-page', { nonce, https: true, reportPath: '/api/csp-report' }),
    );
    expect(production.has('upgrade-insecure-requests')).toBe(true);
    expect(production.get('report-uri')).toEqual(['/api/csp-report']);
  });

  it('makes a new nonce each time, in the form Next reads from the policy', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
