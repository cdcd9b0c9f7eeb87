import { TRPCClientError } from '@shop/api/client';
import { clientAddressOf } from '@shop/api/gateway';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { logIn, logOut } from './auth-cell';
import { deviceTokenFrom, rememberDevice } from './device-cookie';
import { refreshedIfDue } from './refresh-session';
import { sessionSecret, usesSecureCookies } from './secret';
import type { SessionCookies } from './session-cookies';
import { audienceBoundJwt } from './session-seal';
import { sessionFieldsFrom, sessionMaxAgeSeconds, type SessionAccount } from './session-token';

const credentialsInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

/** Failure codes next-auth hands to the sign-in form (`result.error` of `signIn`). */
export const signInFailures = {
  tooManyAttempts: 'TooManyAttempts',
  unavailable: 'SignInUnavailable',
} as const;

/** What differs between the apps' next-auth set-ups. */
export interface AuthOptionsConfig {
  /** The credentials provider's name (next-auth's own pages show it). */
  providerName: string;
  cookies: SessionCookies;
  pages: NextAuthOptions['pages'];
  /**
   * Who may have a session at all (the back office: staff only). Anyone else's fresh tokens are
   * revoked at once and the sign-in fails with the `refusal` code, even with a correct password.
   */
  admits?: { account: (account: SessionAccount) => boolean; refusal: string };
}

/**
 * next-auth for an app: the auth cell checks email and password, the cell's tokens live in the
 * encrypted JWT cookie and are refreshed shortly before the access token expires. Sign-out
 * revokes the refresh token at the auth cell.
 */
export function createAuthOptions(config: AuthOptionsConfig): NextAuthOptions {
  const cookies = config.cookies.nextAuthCookies();
  return {
    secret: sessionSecret(),
    useSecureCookies: usesSecureCookies(),
    ...(cookies ? { cookies } : {}),
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    // Sessions sealed for this app only (session-seal.ts).
    jwt: audienceBoundJwt(config.cookies.audience),
    pages: config.pages,
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: config.providerName,
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          const parsed = credentialsInput.safeParse(credentials);
          if (!parsed.success) return null;
          let tokens;
          try {
            const deviceToken = deviceTokenFrom(request.headers, config.cookies.audience);
            tokens = await logIn(parsed.data, {
              clientAddress: clientAddressFrom(request.headers),
              ...(deviceToken ? { deviceToken } : {}),
            });
          } catch (error) {
            // Throttled: say so (the form tells the user to wait). A refusal is "wrong email or
            // password", which never reveals whether the email has an account.
            const code = codeOf(error);
            if (code === 'TOO_MANY_REQUESTS') throw new Error(signInFailures.tooManyAttempts);
            if (code === 'UNAUTHORIZED' || code === 'BAD_REQUEST') return null;
            throw new Error(signInFailures.unavailable);
          }
          if (config.admits && !config.admits.account(tokens.account)) {
            await logOut(tokens.refreshToken).catch(() => undefined);
            throw new Error(config.admits.refusal);
          }
          const { deviceToken: remembered, ...sessionTokens } = tokens;
          if (remembered) await rememberDevice(config.cookies.audience, remembered);
          return {
            id: tokens.account.id,
            email: tokens.account.email,
            name: tokens.account.name,
            tokens: sessionTokens,
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
}

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
