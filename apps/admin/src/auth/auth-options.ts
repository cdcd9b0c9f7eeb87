import { createAuthOptions } from '@shop/auth-session/auth-options';
import { adminCookies } from './secret';
import { isStaff } from './staff';

/**
 * next-auth for the back office: only accounts with a staff role get a session (a shopper's
 * correct password still gets "no staff access", and their fresh tokens are revoked at once).
 */
export const authOptions = createAuthOptions({
  providerName: 'Staff email and password',
  cookies: adminCookies,
  pages: { signIn: '/sign-in', error: '/sign-in' },
  // The sign-in form shows this code as "no staff access" (components/sign-in-form.tsx).
  admits: {
    account: (account) => isStaff(account.roles),
    refusal: 'NoStaffAccess',
  },
});
