import { TRPCClientError } from '@shop/api/client';
import { clientAddressOf } from '@shop/api/gateway';
import { staffRoles } from '@shop/api/permissions';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { logIn, logOut } from './auth-cell';
import { refreshedIfDue } from './refresh-session';
import { adminCookies, sessionSecret, usesSecureCookies } from './secret';
import { sessionFieldsFrom, sessionMaxAgeSeconds } from './session-token';

const credentialsInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

/** Failure codes next-auth hands to the sign-in form (see components/sign-in-form.tsx). */
export const signInFailures = {
  noStaffAccess: 'NoStaffAccess',
  tooManyAttempts: 'TooManyAttempts',
  unavailable: 'SignInUnavailable',
} as const;

const staff: ReadonlySet<string> = new Set(staffRoles);

/**
 * next-auth for the back office: the auth cell checks email and password, and only accounts with
 * a staff role get a session (a shopper's correct password still gets "no staff access", and
 * their fresh tokens are revoked at once). Tokens live in the encrypted JWT cookie and are
 * refreshed shortly before the access token expires.
 */
export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  useSecureCookies: usesSecureCookies(),
  cookies: adminCookies(),
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Staff email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, request) {
        const parsed = credentialsInput.safeParse(credentials);
        if (!parsed.success) return null;
        let tokens;
        try {
          tokens = await logIn(parsed.data, { clientAddress: clientAddressFrom(request.headers) });
        } catch (error) {
          const code = codeOf(error);
          if (code === 'TOO_MANY_REQUESTS') throw new Error(signInFailures.tooManyAttempts);
          if (code === 'UNAUTHORIZED' || code === 'BAD_REQUEST') return null;
          throw new Error(signInFailures.unavailable);
        }
        if (!tokens.account.roles.some((role) => staff.has(role))) {
          await logOut(tokens.refreshToken).catch(() => undefined);
          throw new Error(signInFailures.noStaffAccess);
        }
        return {
          id: tokens.account.id,
          email: tokens.account.email,
          name: tokens.account.name,
          tokens,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.tokens) return { ...token, ...sessionFieldsFrom(user.tokens), error: undefined };
      return refreshedIfDue(token);
    },
    session({ session, token }) {
      return { ...session, account: token.account, error: token.error };
    },
  },
  events: {
    // Sign-out revokes the refresh token at the auth cell; next-auth clears the cookie.
    async signOut({ token }) {
      if (token?.refreshToken && !token.error) {
        await logOut(token.refreshToken).catch(() => undefined);
      }
    },
  },
};

/** The browser's address as the app saw it (next-auth hands over the headers as a record). */
function clientAddressFrom(headers: unknown): string | undefined {
  const record = (headers ?? {}) as Record<string, string | string[] | undefined>;
  const asHeaders = new Headers();
  for (const name of ['x-forwarded-for', 'x-real-ip']) {
    const value = record[name];
    if (value) asHeaders.set(name, Array.isArray(value) ? value.join(',') : value);
  }
  const address = clientAddressOf(asHeaders);
  return address === 'unknown' ? undefined : address;
}

function codeOf(error: unknown): unknown {
  return error instanceof TRPCClientError
    ? (error.data as { code?: unknown } | undefined)?.code
    : undefined;
}
