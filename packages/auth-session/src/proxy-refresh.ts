import { getToken, type JWT } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { refreshedIfDue } from './refresh-session';
import { sessionSecret, usesSecureCookies } from './secret';
import type { SessionCookies } from './session-cookies';
import { openSession, sealSession } from './session-seal';
import { sessionMaxAgeSeconds } from './session-token';

export interface ProxyRefreshOptions {
  cookies: SessionCookies;
  /** Whether a signed-out visitor of this path is sent to sign in. */
  needsSession: (pathname: string) => boolean;
  /**
   * The page that answers, with a 403, a signed-in user who may not open the path (the back
   * office: a session without a staff role, or a section their roles do not grant); undefined
   * lets them through. The page and the cells check again: this only spares the user a page of
   * refusals.
   */
  refusalPage?: (token: JWT, pathname: string) => string | undefined;
}

/**
 * Keeps the session's access token fresh on every page, server action and gateway request:
 * refreshes it shortly before expiry, hands the new cookie both to this request's rendering and
 * back to the browser. A refused refresh signs the user out; a signed-out visitor of a page that
 * needs a session is sent to sign in (with `reason=expired` when a refresh was refused). A session
 * sealed for another app counts as none (session-seal.ts).
 *
 * The request's headers always go on to the rendering as they are now (the caller may have set
 * some, e.g. the Content-Security-Policy that carries the page's nonce).
 */
export async function refreshSessionIn(
  request: NextRequest,
  options: ProxyRefreshOptions,
): Promise<NextResponse> {
  const { needsSession, refusalPage } = options;
  const { audience } = options.cookies;
  const onward = () => NextResponse.next({ request: { headers: request.headers } });
  const secret = sessionSecret();
  if (!secret) return onward();
  const name = options.cookies.sessionCookieName();
  const token = await getToken({
    req: request,
    secret,
    cookieName: name,
    decode: ({ token: sealed }) => (sealed ? openSession(sealed, { secret, audience }) : null),
  });
  if (!token?.accessToken || token.error) {
    // Signed out: a page that needs a session sends the visitor to sign in and back.
    return needsSession(request.nextUrl.pathname)
      ? NextResponse.redirect(signInUrl(request, token ? 'expired' : undefined))
      : onward();
  }

  // A prefetch uses a token that is still valid as it is: refreshing rotates the refresh token,
  // and a prefetch's answer (with the new cookie) may be dropped by the router or never used, so
  // the refresh and its wait belong to the requests the shopper actually makes.
  const fresh =
    isPrefetch(request) && (token.accessTokenExpiresAt ?? 0) > Date.now()
      ? token
      : await refreshedIfDue(token);
  if (fresh.error) {
    // The session is over: forget it here and in the browser.
    request.cookies.delete(name);
    const response = needsSession(request.nextUrl.pathname)
      ? NextResponse.redirect(signInUrl(request, 'expired'))
      : onward();
    response.cookies.delete(name);
    return response;
  }

  let sealed: string | undefined;
  if (fresh !== token) {
    sealed = await sealSession(fresh, { secret, audience, maxAge: sessionMaxAgeSeconds });
    request.cookies.set(name, sealed);
  }
  const refusal = refusalPage?.(fresh, request.nextUrl.pathname);
  const response = refusal
    ? NextResponse.rewrite(new URL(refusal, request.url), {
        status: 403,
        request: { headers: request.headers },
      })
    : onward();
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

/** Next's router prefetches (links in view) and the browser's own speculative prefetches. */
export function isPrefetch(request: NextRequest): boolean {
  const { headers } = request;
  return (
    headers.get('next-router-prefetch') === '1' ||
    headers.has('next-router-segment-prefetch') ||
    /\bprefetch\b/.test(headers.get('sec-purpose') ?? headers.get('purpose') ?? '')
  );
}

function signInUrl(request: NextRequest, reason?: string): URL {
  const url = new URL('/sign-in', request.url);
  const returnTo = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (returnTo !== '/') url.searchParams.set('callbackUrl', returnTo);
  if (reason) url.searchParams.set('reason', reason);
  return url;
}
