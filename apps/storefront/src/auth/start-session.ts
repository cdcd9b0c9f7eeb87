import 'server-only';
import { cookies } from 'next/headers';
import { rememberDevice } from '@shop/auth-session/device-cookie';
import { sessionSecret, usesSecureCookies } from '@shop/auth-session/secret';
import { defaultSessionCookies } from '@shop/auth-session/session-cookies';
import { sealSession } from '@shop/auth-session/session-seal';
import {
  sessionFieldsFrom,
  sessionMaxAgeSeconds,
  type TokenSet,
} from '@shop/auth-session/session-token';

/**
 * Signs the browser in with tokens the auth cell just issued (after sign-up), writing the same
 * encrypted cookie next-auth's credentials sign-in writes: no second password check. The browser
 * is remembered as a device that signed in, as a password sign-in does.
 */
export async function startSession(tokens: TokenSet & { deviceToken?: string }): Promise<void> {
  const secret = sessionSecret();
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set');
  const sealed = await sealSession(
    {
      sub: tokens.account.id,
      name: tokens.account.name,
      email: tokens.account.email,
      ...sessionFieldsFrom(tokens),
    },
    { secret, audience: defaultSessionCookies.audience, maxAge: sessionMaxAgeSeconds },
  );
  (await cookies()).set(defaultSessionCookies.sessionCookieName(), sealed, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: usesSecureCookies(),
    maxAge: sessionMaxAgeSeconds,
  });
  if (tokens.deviceToken) await rememberDevice(defaultSessionCookies.audience, tokens.deviceToken);
}

/** Forgets the session in this browser (after "sign out everywhere" or deleting the account). */
export async function endSession(): Promise<void> {
  const store = await cookies();
  for (const cookie of store.getAll()) {
    if (cookie.name.startsWith(defaultSessionCookies.sessionCookieName()))
      store.delete(cookie.name);
  }
}
