import { hash, timingSafeEqual } from 'node:crypto';

// One-shot hashing: no Hash object per call (the credential is checked on every request).
const digest = (value: string) => hash('sha256', value, 'buffer');

/**
 * Whether a presented secret equals the expected one, in time that does not depend on where they
 * first differ or on their lengths (both are hashed to 32 bytes first), so the comparison leaks
 * nothing an attacker could time. An empty expected secret matches nothing.
 */
export function isSameSecret(presented: string, expected: string): boolean {
  if (expected.length === 0) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * `isSameSecret` against one fixed expected secret, whose digest is computed once: for a secret
 * checked on every request (the internal credential), half the hashing per check.
 */
export function sameSecretAs(expected: string): (presented: string) => boolean {
  if (expected.length === 0) return () => false;
  const expectedDigest = digest(expected);
  return (presented) => timingSafeEqual(digest(presented), expectedDigest);
}
