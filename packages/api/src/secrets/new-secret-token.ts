import { randomBytes } from 'node:crypto';

/**
 * An unguessable opaque token: 256 random bits as base64url (43 characters). Refresh tokens,
 * one-time links, guest cart tokens and guest order access tokens are all made here.
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}
