import { encode, getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { refreshedIfDue } from './refresh-session';
import { sessionCookieName, sessionSecret, usesSecureCookies } from './secret';
import { sessionMaxAgeSeconds } from './session-token';

/**
 * Keeps the session's access token fresh on every page, server action and gateway request:
 * refreshes it shortly before expiry, hands the new cookie both to this request's rendering and
 * back to the browser. A refused refresh signs the user out; a signed-out visitor of a page that
 * needs a session is sent to sign in with a message (`reason=expired`).
 */
export async function refreshSessionIn(
  request: NextRequest,
  { needsSession }: { needsSession: (pathname: string) => boolean },
): Promise<NextResponse> {
  const secret = sessionSecret();
  if (!secret) return NextResponse.next();
  const token = await getToken({ req: request, secret, secureCookie: usesSecureCookies() });
  if (!token?.accessToken || token.error) {
    // Signed out: a page that needs a session sends the visitor to sign in and back.
    return needsSession(request.nextUrl.pathname)
      ? NextResponse.redirect(signInUrl(request, token ? 'expired' : undefined))
      : NextResponse.next();
  }

  const fresh = await refreshedIfDue(token);
  if (fresh === token) return NextResponse.next();

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

  const sealed = await encode({ token: fresh, secret, maxAge: sessionMaxAgeSeconds });
  request.cookies.set(name, sealed);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(name, sealed, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: usesSecureCookies(),
    maxAge: sessionMaxAgeSeconds,
  });
  return response;
}

function signInUrl(request: NextRequest, reason?: string): URL {
  const url = new URL('/sign-in', request.url);
  url.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  if (reason) url.searchParams.set('reason', reason);
  return url;
}
