import {
  prepareBrowserSecurity,
  withBrowserSecurity,
} from '@shop/auth-session/browser-security/response-headers';
import { usesSecureCookies } from '@shop/auth-session/secret';
import { NextResponse, type NextRequest } from 'next/server';
import { refreshSessionIn } from '@/auth/proxy-refresh';
import { storefrontBrowserSecurity } from '@/security/browser-policy';
import {
  cartCookieMaxAgeSeconds,
  cartCookieName,
  isCartToken,
  newCartToken,
} from '@/server/cart-cookie';

/**
 * Paths without sessions or carts: next-auth's own endpoints, payment providers' webhooks, the
 * CSP report endpoint, static files and probes. They still get the security headers.
 */
const sessionless =
  /^\/(?:api\/auth|api\/webhooks|api\/csp-report|images|healthz|icon\.svg|favicon\.ico)(?:\/|$)/;

/**
 * Every answer gets its Content-Security-Policy (a fresh nonce for pages rendered per request;
 * security/browser-policy.ts) and HSTS over https. Then the silent session refresh (see
 * auth/proxy-refresh.ts); the account area needs a session. Every visitor also gets the guest
 * cart cookie on their first request, so the cart calls that follow (the gateway, server
 * actions) carry it.
 */
export async function proxy(request: NextRequest) {
  const security = prepareBrowserSecurity(request, storefrontBrowserSecurity);
  if (sessionless.test(request.nextUrl.pathname)) {
    return withBrowserSecurity(
      NextResponse.next({ request: { headers: request.headers } }),
      security,
    );
  }
  const existing = request.cookies.get(cartCookieName)?.value;
  const issued = isCartToken(existing) ? undefined : newCartToken();
  // Also seen by this request's own rendering: the refresh hands the request headers on.
  if (issued) request.cookies.set(cartCookieName, issued);
  const response = await refreshSessionIn(request, {
    needsSession: (pathname) => pathname === '/account' || pathname.startsWith('/account/'),
  });
  if (issued) {
    response.cookies.set(cartCookieName, issued, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: usesSecureCookies(),
      maxAge: cartCookieMaxAgeSeconds,
    });
  }
  return withBrowserSecurity(response, security);
}

export const config = {
  // Everything but the build's own static files (they get next.config's headers only).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
