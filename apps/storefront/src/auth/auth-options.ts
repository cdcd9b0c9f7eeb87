import { createAuthOptions } from '@shop/auth-session/auth-options';
import { defaultSessionCookies } from '@shop/auth-session/session-cookies';

/** next-auth for shoppers, with next-auth's own cookie names. */
export const authOptions = createAuthOptions({
  providerName: 'Email and password',
  cookies: defaultSessionCookies,
  pages: { signIn: '/sign-in', error: '/sign-in' },
});
