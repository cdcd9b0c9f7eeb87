import 'server-only';
import { permissionsForRoles, type Permission } from '@shop/api/permissions';
import { redirectToSignIn, sessionFromCookies } from '@shop/auth-session/current-session';
import type { SessionFields } from '@shop/auth-session/session-token';
import { forbidden } from 'next/navigation';
import { cache } from 'react';
import { adminCookies } from './secret';

export interface StaffSession extends SessionFields {
  permissions: ReadonlySet<Permission>;
}

/** The signed-in staff member for server components and actions (one cookie decode per render). */
export const currentSession = cache(async (): Promise<StaffSession | null> => {
  const session = await sessionFromCookies(adminCookies.sessionCookieName());
  if (!session) return null;
  return { ...session, permissions: new Set(permissionsForRoles(session.account.roles)) };
});

/** The staff session, or a redirect to sign in that comes back to `returnTo`. */
export async function requireStaff(returnTo: string): Promise<StaffSession> {
  return (await currentSession()) ?? redirectToSignIn(returnTo);
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
