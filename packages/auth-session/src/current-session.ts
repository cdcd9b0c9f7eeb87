import 'server-only';
import { decode } from 'next-auth/jwt';
import type { Route } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionSecret } from './secret';
import { isLiveSession, type SessionFields } from './session-token';

/**
 * The signed-in session for server components and server actions, read from the encrypted
 * cookie `cookieName`. It never refreshes: the app's proxy (proxy-refresh.ts) already did for this
 * request, where the rotated tokens can still be sent back to the browser. (next-auth's
 * getServerSession would refresh here and lose the rotated tokens.) Apps wrap it in React's
 * `cache` for one decode per render.
 */
export async function sessionFromCookies(cookieName: string): Promise<SessionFields | null> {
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
  try {
    const token = await decode({ token: sealed, secret });
    return isLiveSession(token) ? token : null;
  } catch {
    return null;
  }
}

/** Sends the visitor to sign in, coming back to `returnTo` afterwards. */
export function redirectToSignIn(returnTo: string): never {
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as Route);
}
