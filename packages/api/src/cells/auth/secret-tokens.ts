import { createHash, randomBytes } from 'node:crypto';

/** An unguessable opaque token (256 random bits, base64url) for refresh, reset and verify links. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of the token: a leaked database holds nothing usable. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opaque tokens as accepted on input: base64url-shaped and bounded (no operator objects). */
export const secretTokenPattern = /^[A-Za-z0-9_-]{16,128}$/;
