import 'server-only';
import { permissionsForRoles, type Permission } from '@shop/api/permissions';
import { decode } from 'next-auth/jwt';
import type { Route } from 'next';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { sessionCookieName, sessionSecret } from './secret';
import { isLiveSession, type SessionFields } from './session-token';

export interface StaffSession extends SessionFields {
  permissions: ReadonlySet<Permission>;
}

/**
 * The signed-in staff member for server components and actions, read from the encrypted cookie
 * (one decode per render). It never refreshes: `src/proxy.ts` already did for this request,
 * where the rotated tokens can still be sent back to the browser.
 */
export const currentSession = cache(async (): Promise<StaffSession | null> => {
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
    if (!isLiveSession(token)) return null;
    return { ...token, permissions: new Set(permissionsForRoles(token.account.roles)) };
  } catch {
    return null;
  }
});

/** The staff session, or a redirect to sign in that comes back to `returnTo`. */
export async function requireStaff(returnTo: string): Promise<StaffSession> {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as Route);
  return session;
}

/**
 * The staff session when it grants `permission`; otherwise the 403 page. The cells check the
 * same permission on every call: this only spares the user a page of refusals.
 */
export async function requirePermission(
  permission: Permission,
  returnTo: string,
): Promise<StaffSession> {
  const session = await requireStaff(returnTo);
  if (!session.permissions.has(permission)) forbidden();
  return session;
}
