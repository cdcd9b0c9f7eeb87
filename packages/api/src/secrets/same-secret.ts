import { hash, timingSafeEqual } from 'node:crypto';

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
 * A check against one fixed expected secret, for a secret checked on every request (the internal
 * credential): constant time over the secret's bytes, with no hashing and no allocation per check.
 * The presented text is written into a buffer of the expected length and compared with
 * `timingSafeEqual`; only a presented secret of another length is refused early, which tells a
 * timing attacker the secret's length and nothing of its content (the internal credential is at
 * least 32 characters: config/common.ts). An empty expected secret matches nothing.
 */
export function sameSecretAs(expected: string): (presented: string) => boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  if (expectedBytes.length === 0) return () => false;
  // Reused by every check: a check runs synchronously from start to end.
  const presentedBytes = Buffer.alloc(expectedBytes.length);
  return (presented) => {
    if (Buffer.byteLength(presented, 'utf8') !== expectedBytes.length) return false;
    presentedBytes.write(presented, 0, 'utf8');
    return timingSafeEqual(presentedBytes, expectedBytes);
  };
}
