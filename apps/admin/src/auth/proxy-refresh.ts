import { permissionsForRoles } from '@shop/api/permissions';
import { refreshSessionIn as refreshSession } from '@shop/auth-session/proxy-refresh';
import type { NextRequest } from 'next/server';
import { permissionForPath } from '@/components/admin-sections';
import { adminCookies } from './secret';

/**
 * The staff session kept fresh on every request (see @shop/auth-session/proxy-refresh); a page of
 * a section the staff member's roles do not grant gets the 403 page (the page checks again).
 */
export function refreshSessionIn(
  request: NextRequest,
  { needsSession }: { needsSession: (pathname: string) => boolean },
) {
  return refreshSession(request, {
    cookies: adminCookies,
    needsSession,
    access: {
      mayOpen: (token, pathname) => {
        const needed = permissionForPath(pathname);
        return !needed || permissionsForRoles(token.account?.roles ?? []).includes(needed);
      },
      path: '/no-access',
    },
  });
}
