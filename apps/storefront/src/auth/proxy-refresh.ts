import { refreshSessionIn as refreshSession } from '@shop/auth-session/proxy-refresh';
import { defaultSessionCookies } from '@shop/auth-session/session-cookies';
import type { NextRequest } from 'next/server';

/** The shopper's session kept fresh on every request (see @shop/auth-session/proxy-refresh). */
export function refreshSessionIn(
  request: NextRequest,
  { needsSession }: { needsSession: (pathname: string) => boolean },
) {
  return refreshSession(request, { cookies: defaultSessionCookies, needsSession });
}
