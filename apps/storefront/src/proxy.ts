import type { NextRequest } from 'next/server';
import { refreshSessionIn } from '@/auth/proxy-refresh';

/** Silent session refresh (see auth/proxy-refresh.ts); the account area needs a session. */
export function proxy(request: NextRequest) {
  return refreshSessionIn(request, {
    needsSession: (pathname) => pathname === '/account' || pathname.startsWith('/account/'),
  });
}

export const config = {
  // Pages, server actions and the gateway; not next-auth's own endpoints, static files or probes.
  matcher: ['/((?!api/auth|_next/static|_next/image|images|healthz|icon.svg|favicon.ico).*)'],
};
