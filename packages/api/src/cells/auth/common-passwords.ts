import { dictionary } from '@zxcvbn-ts/language-common';

let common: ReadonlySet<string> | undefined;

/**
 * Whether `password` is on a list of passwords that leaked most often. The list (about 49,000
 * entries, ranked from real breaches) comes from @zxcvbn-ts/language-common, a maintained package,
 * rather than a copy committed here that nobody would refresh. Compared case-insensitively:
 * "Password123" is as guessable as "password123".
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return common.has(password.toLowerCase());
}
