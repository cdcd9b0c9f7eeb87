import 'server-only';
import { redirectToSignIn, sessionFromCookies } from '@shop/auth-session/current-session';
import { defaultSessionCookies } from '@shop/auth-session/session-cookies';
import type { SessionFields } from '@shop/auth-session/session-token';
import { cache } from 'react';

/** The signed-in shopper's session for server components and actions (one decode per render). */
export const currentSession = cache((): Promise<SessionFields | null> =>
  sessionFromCookies(defaultSessionCookies),
);

/** The session, or a redirect to sign in that comes back to `returnTo` afterwards. */
export async function requireSession(returnTo: string): Promise<SessionFields> {
  return (await currentSession()) ?? redirectToSignIn(returnTo);
}
