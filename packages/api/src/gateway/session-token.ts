import { hkdfSync } from 'node:crypto';
import { jwtDecrypt, type JWTPayload } from 'jose';

/** next-auth v4's key-derivation label (its `jwt/index.js`, `getDerivedEncryptionKey`). */
const encryptionKeyInfo = 'NextAuth.js Generated Encryption Key';

/**
 * The key next-auth (v4, JWT strategy) seals sessions with: 32 bytes derived from the app's
 * secret by HKDF-SHA256 with an empty salt.
 */
export function sessionEncryptionKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, '', encryptionKeyInfo, 32));
}

/**
 * Opens a session cookie sealed by next-auth: a JWE (`dir`, `A256GCM`), 15 s of clock tolerance
 * as next-auth allows. Read with jose rather than `next-auth/jwt` so that next-auth, and with it
 * Next.js (about 300 MB), stays out of the cells' dependencies: the gateway runs inside the apps,
 * and the cells never read sessions (packages/api/test/cell-image.test.ts holds the image budget).
 * `@shop/auth-session`'s `session-token-compat.test.ts` holds this to next-auth's own `encode`.
 * Throws for a token sealed with another secret, tampered with, or expired.
 */
export async function decodeSessionToken(sealed: string, secret: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(sealed, sessionEncryptionKey(secret), {
    clockTolerance: 15,
    keyManagementAlgorithms: ['dir'],
    contentEncryptionAlgorithms: ['A256GCM'],
  });
  return payload;
}
