import { TRPCClientError } from '@shop/api/client';
import { clientAddressOf } from '@shop/api/gateway';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { logIn, logOut } from './auth-cell';
import { refreshedIfDue } from './refresh-session';
import { sessionSecret, usesSecureCookies } from './secret';
import { sessionFieldsFrom, sessionMaxAgeSeconds } from './session-token';

const credentialsInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

/** Shown on the sign-in form when the auth cell throttles (429): next-auth passes it through. */
export const tooManyAttemptsMessage = 'TooManyAttempts';

/**
 * next-auth for shoppers: email and password checked by the auth cell, the cell's tokens kept in
 * the encrypted JWT cookie and refreshed shortly before the access token expires.
 */
export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  useSecureCookies: usesSecureCookies(),
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, request) {
        const parsed = credentialsInput.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const tokens = await logIn(parsed.data, {
            clientAddress: clientAddressFrom(request.headers),
          });
          return {
            id: tokens.account.id,
            email: tokens.account.email,
            name: tokens.account.name,
            tokens,
          };
        } catch (error) {
          // Throttled: say so (the form tells the user to wait). Anything else is "wrong email
          // or password", which never reveals whether the email has an account.
          if (isTooManyRequests(error)) throw new Error(tooManyAttemptsMessage);
          if (isUnauthorized(error)) return null;
          throw new Error('SignInUnavailable');
        }
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
    // Sign-out revokes the refresh token at the auth cell; the cookie is cleared by next-auth.
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
    ? (error.data as { code?: unknown; httpStatus?: unknown } | undefined)?.code
    : undefined;
}

function isTooManyRequests(error: unknown): boolean {
  return codeOf(error) === 'TOO_MANY_REQUESTS';
}

function isUnauthorized(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'UNAUTHORIZED' || code === 'BAD_REQUEST';
}
