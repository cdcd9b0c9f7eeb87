import {
  collapseDuplicatesTransformer,
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
  resolveConfusablesTransformer,
  resolveLeetSpeakTransformer,
  toAsciiLowerCaseTransformer,
} from 'obscenity';
import { profanityByLanguage } from './profanity-words';

/**
 * Profanity in review text, by `obscenity`: its maintained English word list, plus the swear
 * words of the shop's other languages (profanity-words.ts), all with obscenity's obfuscation
 * handling (leetspeak, repeated and confusable characters) and whitelisting of innocent words
 * that contain a listed one ("Scunthorpe"). The other languages' words match whole words only
 * (obscenity's `|` boundaries), since short ones ("kut", "kuk", "lul") sit inside innocent words
 * of other languages. Built once per process: the lists compile to regexps.
 */
const otherLanguages = new DataSet<{ language: string }>();
for (const [language, words] of Object.entries(profanityByLanguage)) {
  for (const word of words) {
    otherLanguages.addPhrase((phrase) =>
      phrase.setMetadata({ language }).addPattern(parseRawPattern(`|${word}|`)),
    );
  }
}

const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
// English's transformers except skipping non-letters, which would join the words and so defeat
// the word boundaries; a letter repeated ("connnnard") counts as at most two.
const others = new RegExpMatcher({
  ...otherLanguages.build(),
  blacklistMatcherTransformers: [
    resolveConfusablesTransformer(),
    resolveLeetSpeakTransformer(),
    toAsciiLowerCaseTransformer(),
    collapseDuplicatesTransformer({ defaultThreshold: 2 }),
  ],
});

/**
 * The text as the non-English lists are written: accents taken off ("enculé", "jävla"), ß as ss,
 * ł as l, so a word is found with or without its diacritics.
 */
export function foldForMatching(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/ß/g, 'ss')
      .replace(/[łŁ]/g, 'l')
      // Brackets, and an exclamation mark ending a word, are punctuation here, not leetspeak for
      // "c" and "i" ("Scheiße!", "(merde)").
      .replace(/!+(?=\s|$)/g, ' ')
      .replace(/[()[\]{}]/g, ' ')
      .toLowerCase()
  );
}

export function containsProfanity(text: string): boolean {
  return english.hasMatch(text) || others.hasMatch(foldForMatching(text));
}
