import { NextRequest, NextResponse } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareBrowserSecurity, withBrowserSecurity } from './response-headers';

const app = {
  policyKindOf: (pathname: string) =>
    pathname.startsWith('/api/')
      ? ('data' as const)
      : pathname.startsWith('/products/')
        ? ('cached-page' as const)
        : ('rendered-page' as const),
  reportPath: '/api/csp-report',
};

function request(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, 'http://127.0.0.1:3000'), { headers });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the proxy’s browser security', () => {
  it('gives a rendered page a fresh nonce, in the answer and in the request Next renders', () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://127.0.0.1:3000');
    const first = request('/checkout');
    const headers = prepareBrowserSecurity(first, app);
    const policy = headers.get('content-security-policy')!;
    expect(policy).toMatch(/'nonce-[A-Za-z0-9+/]+=*'/);
    expect(first.headers.get('content-security-policy')).toBe(policy);
    const second = prepareBrowserSecurity(request('/checkout'), app);
    expect(second.get('content-security-policy')).not.toBe(policy);
  });

  it('drops a policy the client sent, so nobody picks a page’s nonce', () => {
    const forged = request('/products/lamp', {
      'content-security-policy': "script-src 'nonce-chosen'",
      'content-security-policy-report-only': "script-src 'nonce-chosen'",
    });
    prepareBrowserSecurity(forged, app);
    expect(forged.headers.get('content-security-policy')).toBeNull();
    expect(forged.headers.get('content-security-policy-report-only')).toBeNull();
    const page = request('/checkout', { 'content-security-policy': "script-src 'nonce-chosen'" });
    prepareBrowserSecurity(page, app);
    expect(page.headers.get('content-security-policy')).not.toContain('chosen');
  });

  it('sends HSTS only when the browser came over https', () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://127.0.0.1:3000');
    expect(prepareBrowserSecurity(request('/'), app).has('strict-transport-security')).toBe(false);
    const behindIngress = prepareBrowserSecurity(
      request('/', { 'x-forwarded-proto': 'https' }),
      app,
    );
    expect(behindIngress.get('strict-transport-security')).toBe('max-age=31536000');
    expect(behindIngress.get('content-security-policy')).toContain('upgrade-insecure-requests');
    vi.stubEnv('NEXTAUTH_URL', 'https://shop.example');
    expect(
      prepareBrowserSecurity(request('/api/cells/x'), app).has('strict-transport-security'),
    ).toBe(true);
  });

  it('puts the headers on redirects and rewrites as well as pages', () => {
    const headers = prepareBrowserSecurity(request('/api/cells/order'), app);
    const redirect = withBrowserSecurity(
      NextResponse.redirect('http://127.0.0.1:3000/sign-in'),
      headers,
    );
    expect(redirect.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});
