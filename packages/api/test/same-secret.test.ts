import { describe, expect, it } from 'vitest';
import { isSameSecret, sameSecretAs } from '../src/secrets';

const credential = 'host-credential-0123456789-abcdefghij';

describe.each([
  [
    'isSameSecret (hashed first)',
    (expected: string) => (presented: string) => isSameSecret(presented, expected),
  ],
  ['sameSecretAs (one fixed secret)', sameSecretAs],
])('%s', (_name, checkAgainst) => {
  const matches = checkAgainst(credential);

  it('accepts only the exact secret', () => {
    expect(matches(credential)).toBe(true);
    expect(matches(`${credential.slice(0, -1)}k`)).toBe(false);
    expect(matches(`x${credential.slice(1)}`)).toBe(false);
    expect(matches(credential.toUpperCase())).toBe(false);
  });

  it('refuses a prefix, an extension and the empty string', () => {
    expect(matches(credential.slice(0, -1))).toBe(false);
    expect(matches(`${credential}x`)).toBe(false);
    expect(matches('')).toBe(false);
  });

  it('compares bytes, not characters: a same-length text with other bytes does not match', () => {
    // As many characters, more bytes in UTF-8.
    expect(matches(`${credential.slice(0, -1)}é`)).toBe(false);
    const accented = checkAgainst(`${credential.slice(0, -1)}é`);
    expect(accented(`${credential.slice(0, -1)}é`)).toBe(true);
    expect(accented(`${credential.slice(0, -1)}e`)).toBe(false);
  });

  it('matches nothing when the expected secret is empty', () => {
    const none = checkAgainst('');
    expect(none('')).toBe(false);
    expect(none(credential)).toBe(false);
  });

  it('gives the same answers when checked many times in a row', () => {
    // The fixed-secret check reuses one buffer: an earlier check must not leak into a later one.
    expect(matches(`${credential.slice(0, -3)}zzz`)).toBe(false);
    expect(matches(credential)).toBe(true);
    expect(matches(`${credential.slice(0, -3)}zzz`)).toBe(false);
  });
});
