import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a presented secret equals the expected one, in time that does not depend on where they
 * first differ or on their lengths (both are hashed to 32 bytes first), so the comparison leaks
 * nothing an attacker could time. An empty expected secret matches nothing.
 */
export function isSameSecret(presented: string, expected: string): boolean {
  if (expected.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * `isSameSecret` against one fixed expected secret, whose digest is computed once: for a secret
 * checked on every request (the internal credential), half the hashing per check.
 */
export function sameSecretAs(expected: string): (presented: string) => boolean {
  if (expected.length === 0) return () => false;
  const expectedDigest = createHash('sha256').update(expected).digest();
  return (presented) =>
    timingSafeEqual(createHash('sha256').update(presented).digest(), expectedDigest);
}
