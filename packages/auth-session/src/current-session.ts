import 'server-only';
import type { Route } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionSecret } from './secret';
import type { SessionCookies } from './session-cookies';
import { openSession } from './session-seal';
import { isLiveSession, type SessionFields } from './session-token';

/**
 * The signed-in session for server components and server actions, read from the app's encrypted
 * session cookie; a session another app sealed counts as none (session-seal.ts). It never refreshes: the app's proxy (proxy-refresh.ts) already did for this
 * request, where the rotated tokens can still be sent back to the browser. (next-auth's
 * getServerSession would refresh here and lose the rotated tokens.) Apps wrap it in React's
 * `cache` for one decode per render.
 */
export async function sessionFromCookies(
  session: Pick<SessionCookies, 'audience' | 'sessionCookieName'>,
): Promise<SessionFields | null> {
  const cookieName = session.sessionCookieName();
  // Cookies first: it marks the page as per-request even when no secret is configured (a build
  // has none), so a signed-out render is never prerendered and served to everyone.
  const store = await cookies();
  const secret = sessionSecret();
  if (!secret) return null;
  // next-auth splits cookies above ~4 KB into `<name>.0`, `<name>.1`, ...
  const sealed =
    store.get(cookieName)?.value ??
    store
      .getAll()
      .filter((cookie) => cookie.name.startsWith(`${cookieName}.`))
      .sort((a, b) => Number(a.name.split('.').at(-1)) - Number(b.name.split('.').at(-1)))
      .map((cookie) => cookie.value)
      .join('');
  if (!sealed) return null;
  const token = await openSession(sealed, { secret, audience: session.audience });
  return isLiveSession(token) ? token : null;
}

/** Sends the visitor to sign in, coming back to `returnTo` afterwards. */
export function redirectToSignIn(returnTo: string): never {
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as Route);
}
