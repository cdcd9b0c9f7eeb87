import 'server-only';
import { decode } from 'next-auth/jwt';
import type { Route } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { sessionCookieName, sessionSecret } from './secret';
import { isLiveSession, type SessionFields } from './session-token';

/**
 * The signed-in shopper's session for server components and server actions, read from the
 * encrypted cookie (one decode per render). It never refreshes: `src/proxy.ts` has already
 * refreshed the tokens for this request, where the new cookie can still be sent back.
 * (next-auth's getServerSession would refresh here and lose the rotated tokens.)
 */
export const currentSession = cache(async (): Promise<SessionFields | null> => {
  // Cookies first: it marks the page as per-request even when no secret is configured (a build
  // has none), so a signed-out render is never prerendered and served to everyone.
  const store = await cookies();
  const secret = sessionSecret();
  if (!secret) return null;
  const name = sessionCookieName();
  // next-auth splits cookies above ~4 KB into `<name>.0`, `<name>.1`, ...
  const sealed =
    store.get(name)?.value ??
    store
      .getAll()
      .filter((cookie) => cookie.name.startsWith(`${name}.`))
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
});

/** The session, or a redirect to sign in that comes back to `returnTo` afterwards. */
export async function requireSession(returnTo: string): Promise<SessionFields> {
  const session = await currentSession();
  if (!session) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as Route);
  }
  return session;
}
