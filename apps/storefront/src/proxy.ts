import type { NextRequest } from 'next/server';
import { usesSecureCookies } from '@shop/auth-session/secret';
import { refreshSessionIn } from '@/auth/proxy-refresh';
import {
  cartCookieMaxAgeSeconds,
  cartCookieName,
  isCartToken,
  newCartToken,
} from '@/server/cart-cookie';

/**
 * Silent session refresh (see auth/proxy-refresh.ts); the account area needs a session. Every
 * visitor also gets the guest cart cookie on their first request, so the cart calls that follow
 * (the gateway, server actions) carry it.
 */
export async function proxy(request: NextRequest) {
  const existing = request.cookies.get(cartCookieName)?.value;
  const issued = isCartToken(existing) ? undefined : newCartToken();
  // Also seen by this request's own rendering whenever the refresh forwards the request headers.
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
  return response;
}

export const config = {
  // Pages, server actions and the gateway; not next-auth's own endpoints, payment providers'
  // webhooks (no cookies or sessions there), static files or probes.
  matcher: [
    '/((?!api/auth|api/webhooks|_next/static|_next/image|images|healthz|icon.svg|favicon.ico).*)',
  ],
};
