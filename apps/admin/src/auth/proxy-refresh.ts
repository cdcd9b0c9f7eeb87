import { permissionsForRoles } from '@shop/api/permissions';
import { encode, getToken, type JWT } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { permissionForPath } from '@/components/admin-sections';
import { refreshedIfDue } from './refresh-session';
import { sessionCookieName, sessionSecret, usesSecureCookies } from './secret';
import { sessionMaxAgeSeconds } from './session-token';

/** Whether the token's roles grant what the path's section needs (the page checks again). */
function mayOpen(token: JWT, pathname: string): boolean {
  const needed = permissionForPath(pathname);
  if (!needed) return true;
  return permissionsForRoles(token.account?.roles ?? []).includes(needed);
}

/**
 * Keeps the staff session's access token fresh on every page, server action and gateway request:
 * refreshes it shortly before expiry, hands the new cookie both to this request's rendering and
 * back to the browser. A signed-out visitor of a page is sent to sign in (with `reason=expired`
 * when a refresh was refused).
 */
export async function refreshSessionIn(
  request: NextRequest,
  { needsSession }: { needsSession: (pathname: string) => boolean },
): Promise<NextResponse> {
  const secret = sessionSecret();
  if (!secret) return NextResponse.next();
  const token = await getToken({ req: request, secret, cookieName: sessionCookieName() });
  if (!token?.accessToken || token.error) {
    // Signed out: every back-office page needs a session.
    return needsSession(request.nextUrl.pathname)
      ? NextResponse.redirect(signInUrl(request, token ? 'expired' : undefined))
      : NextResponse.next();
  }

  const fresh = await refreshedIfDue(token);
  const name = sessionCookieName();
  if (fresh.error) {
    // The session is over: forget it here and in the browser.
    request.cookies.delete(name);
    const response = needsSession(request.nextUrl.pathname)
      ? NextResponse.redirect(signInUrl(request, 'expired'))
      : NextResponse.next({ request: { headers: request.headers } });
    response.cookies.delete(name);
    return response;
  }

  let sealed: string | undefined;
  if (fresh !== token) {
    sealed = await encode({ token: fresh, secret, maxAge: sessionMaxAgeSeconds });
    request.cookies.set(name, sealed);
  }
  const response = mayOpen(fresh, request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers: request.headers } })
    : NextResponse.rewrite(new URL('/no-access', request.url), { status: 403 });
  // Rotated tokens go back to the browser whatever the answer: the old refresh token is spent.
  if (sealed) {
    response.cookies.set(name, sealed, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: usesSecureCookies(),
      maxAge: sessionMaxAgeSeconds,
    });
  }
  return response;
}

function signInUrl(request: NextRequest, reason?: string): URL {
  const url = new URL('/sign-in', request.url);
  const returnTo = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (returnTo !== '/') url.searchParams.set('callbackUrl', returnTo);
  if (reason) url.searchParams.set('reason', reason);
  return url;
}
