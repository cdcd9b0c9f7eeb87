import {
  decode,
  encode,
  type JWT,
  type JWTDecodeParams,
  type JWTEncodeParams,
} from 'next-auth/jwt';

/**
 * Sealing and opening an app's session cookie, bound to the app (`aud`). next-auth encrypts the
 * JWT with a key derived from `NEXTAUTH_SECRET` (A256GCM, so the claim cannot be changed without
 * the key), and both apps may be given the same secret: without the claim, a shopper's storefront
 * cookie renamed to the back office's cookie name opened a back-office session. Every reader of a
 * session (next-auth's routes, the proxy, server components and actions) opens it through
 * `openSession`, which refuses a session sealed for another app.
 */
export async function sealSession(
  token: JWT,
  { secret, audience, maxAge }: { secret: string; audience: string; maxAge?: number },
): Promise<string> {
  return encode({ token: { ...token, aud: audience }, secret, maxAge });
}

/** The session inside `sealed` when this app sealed it; null for another app's, or garbage. */
export async function openSession(
  sealed: string,
  { secret, audience }: { secret: string; audience: string },
): Promise<JWT | null> {
  let token: JWT | null;
  try {
    token = await decode({ token: sealed, secret });
  } catch {
    // Another secret, tampered or truncated: no session rather than an error.
    return null;
  }
  return token?.aud === audience ? token : null;
}

/**
 * next-auth's `jwt` option for an app: the same encryption as next-auth's own, with the audience
 * stamped in on every write and checked on every read (a foreign session makes next-auth answer
 * "signed out" and clear the cookie).
 */
export function audienceBoundJwt(audience: string) {
  return {
    encode: ({ token, secret, maxAge }: JWTEncodeParams) =>
      encode({ token: { ...token, aud: audience }, secret, maxAge }),
    decode: async ({ token, secret }: JWTDecodeParams) => {
      if (!token) return null;
      const opened = await decode({ token, secret });
      return opened?.aud === audience ? opened : null;
    },
  };
}
