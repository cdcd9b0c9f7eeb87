import { EncryptJWT } from 'jose';
import { sessionEncryptionKey } from '../../src/gateway/session-token';

/**
 * A session cookie's value as the apps' next-auth seals it (a JWE with the key derived from the
 * secret, one hour). `@shop/auth-session`'s `session-token-compat.test.ts` holds this format to
 * next-auth's own `encode`, which @shop/api does not depend on.
 */
export function sealSessionCookie(
  claims: Record<string, unknown>,
  secret: string,
): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .encrypt(sessionEncryptionKey(secret));
}
