import {
  prepareBrowserSecurity,
  withBrowserSecurity,
} from '@shop/auth-session/browser-security/response-headers';
import { NextResponse, type NextRequest } from 'next/server';
import { refreshSessionIn } from '@/auth/proxy-refresh';
import { adminBrowserSecurity } from '@/security/browser-policy';

/** Paths without sessions: next-auth's endpoints, the CSP reports, the probe and static files. */
const sessionless = /^\/(?:api\/auth|api\/csp-report|healthz|icon\.svg|favicon\.ico)(?:\/|$)/;

/**
 * Every answer gets its Content-Security-Policy (a fresh nonce per page; security/
 * browser-policy.ts) and HSTS over https. Every back-office page needs a signed-in staff member
 * (sign-in excepted): signed out, sign in; signed in without a staff role, the "no staff access"
 * page (403); tokens are refreshed silently (auth/proxy-refresh.ts). What each role may open is
 * checked again by the page (403) and by the cells.
 */
export async function proxy(request: NextRequest) {
  const security = prepareBrowserSecurity(request, adminBrowserSecurity);
  if (sessionless.test(request.nextUrl.pathname)) {
    return withBrowserSecurity(
      NextResponse.next({ request: { headers: request.headers } }),
      security,
    );
  }
  const response = await refreshSessionIn(request, {
    needsSession: (pathname) => pathname !== '/sign-in' && !pathname.startsWith('/api/'),
  });
  return withBrowserSecurity(response, security);
}

export const config = {
  // Everything but the build's own static files (they get next.config's headers only).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
