import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/**
 * Profanity in review text, by `obscenity`: a maintained English word list with its obfuscation
 * handling (leetspeak, repeated and confusable characters) and whitelisting of innocent words
 * that contain a listed one ("Scunthorpe"). Built once per process: the list compiles to regexps.
 * The shop sells in English only today; another language needs its own dataset here.
 */
const matcher = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});

export function containsProfanity(text: string): boolean {
  return matcher.hasMatch(text);
}
