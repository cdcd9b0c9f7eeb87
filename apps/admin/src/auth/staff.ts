import { staffRoles } from '@shop/api/permissions';

const staff: ReadonlySet<string> = new Set(staffRoles);

/**
 * Whether an account's roles make it staff. Only staff get a back-office session at sign-in
 * (auth-options.ts), and every page checks again (the proxy and `requireStaff`): a session can
 * outlive a role (taken away since) or come from a shopper's account.
 */
export function isStaff(roles: readonly string[] | undefined): boolean {
  return (roles ?? []).some((role) => staff.has(role));
}
