import type { NextRequest } from 'next/server';
import { refreshSessionIn } from '@/auth/proxy-refresh';

/**
 * Every back-office page needs a signed-in staff member (sign-in, next-auth's endpoints, the
 * health probe and static files excepted); tokens are refreshed silently (auth/proxy-refresh.ts).
 * What each role may open is checked again by the page (403) and by the cells.
 */
export function proxy(request: NextRequest) {
  return refreshSessionIn(request, {
    needsSession: (pathname) => pathname !== '/sign-in' && !pathname.startsWith('/api/'),
  });
}

export const config = {
  matcher: ['/((?!api/auth|_next/static|_next/image|healthz|icon.svg|favicon.ico).*)'],
};
