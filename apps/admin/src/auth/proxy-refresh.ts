import { permissionsForRoles } from '@shop/api/permissions';
import { refreshSessionIn as refreshSession } from '@shop/auth-session/proxy-refresh';
import type { NextRequest } from 'next/server';
import { permissionForPath } from '@/components/admin-sections';
import { campaignPreviewFramePath } from '@/security/browser-policy';
import { adminCookies } from './secret';
import { isStaff } from './staff';

/** Where a signed-in account without any staff role is answered, with a 403. */
export const noStaffAccessPath = '/no-staff-access';

/**
 * The staff session kept fresh on every request (see @shop/auth-session/proxy-refresh). A session
 * without a staff role gets the "no staff access" page on every page; a page of a section the
 * staff member's roles do not grant gets the 403 page. The pages check again (requireStaff), and
 * the cells check every call.
 */
export function refreshSessionIn(
  request: NextRequest,
  { needsSession }: { needsSession: (pathname: string) => boolean },
) {
  return refreshSession(request, {
    cookies: adminCookies,
    needsSession,
    refusalPage: (token, pathname) => {
      // Sign-in stays open (to sign in with a staff account instead); the gateway's cells decide.
      if (pathname === '/sign-in' || pathname.startsWith('/api/')) return undefined;
      // The campaign preview frame answers its own 403 (it checks the session and permission
      // itself): a back-office page in its place would be served under the frame's policy, which
      // refuses that page's styles and scripts.
      if (pathname === campaignPreviewFramePath) return undefined;
      const roles = token.account?.roles ?? [];
      if (!isStaff(roles)) return noStaffAccessPath;
      const needed = permissionForPath(pathname);
      return needed && !permissionsForRoles(roles).includes(needed) ? '/no-access' : undefined;
    },
  });
}
