/**
 * The languages an email can be worded in: the shop's languages (`supportedLanguages` in
 * `@shop/db/user`, which the admin does not import). The cell refuses any other code.
 */
export const emailLanguages = [
  ['en', 'English'],
  ['de', 'German'],
  ['fr', 'French'],
  ['nl', 'Dutch'],
  ['es', 'Spanish'],
  ['it', 'Italian'],
  ['sv', 'Swedish'],
  ['pl', 'Polish'],
] as const;
export type EmailLanguage = (typeof emailLanguages)[number][0];

export function emailLanguageOf(value: unknown): EmailLanguage | undefined {
  return emailLanguages.find(([code]) => code === value)?.[0];
}
