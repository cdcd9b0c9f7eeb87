import 'server-only';
import { permissionsForRoles, type Permission } from '@shop/api/permissions';
import { redirectToSignIn, sessionFromCookies } from '@shop/auth-session/current-session';
import type { SessionFields } from '@shop/auth-session/session-token';
import { forbidden } from 'next/navigation';
import { cache } from 'react';
import { adminCookies } from './secret';
import { isStaff } from './staff';

export interface StaffSession extends SessionFields {
  permissions: ReadonlySet<Permission>;
}

/**
 * The back office's session whatever the account's roles (one cookie decode per render): only
 * the "no staff access" pages use it, to say who is signed in.
 */
export const signedInAccount = cache(
  async (): Promise<SessionFields | null> => await sessionFromCookies(adminCookies),
);

/**
 * The signed-in staff member for server components and actions; null when signed out or when
 * the account has no staff role.
 */
export const currentSession = cache(async (): Promise<StaffSession | null> => {
  const session = await signedInAccount();
  if (!session || !isStaff(session.account.roles)) return null;
  return { ...session, permissions: new Set(permissionsForRoles(session.account.roles)) };
});

/**
 * The staff session; a signed-in account without a staff role gets the 403 page (which says
 * so: app/forbidden.tsx); signed out, a redirect to sign in that comes back to `returnTo`.
 */
export async function requireStaff(returnTo: string): Promise<StaffSession> {
  const session = await currentSession();
  if (session) return session;
  if (await signedInAccount()) forbidden();
  return redirectToSignIn(returnTo);
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
