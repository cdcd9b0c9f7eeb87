import { containsProfanity } from './profanity';

/** Why the rules held a review for a moderator instead of publishing it at once. */
export type HoldSignal = 'unverified' | 'profanity' | 'link' | 'repeated_text' | 'burst' | 'photos';

export interface SubmissionFacts {
  title: string;
  body: string;
  verified: boolean;
  /** Photos the version shows: no filter checks pictures, so a person looks at them first. */
  photoCount?: number;
  /** The author's other reviews' texts (to spot the same text pasted on many products). */
  authorsOtherTexts: readonly string[];
  /** Reviews written in the last hour from this account, and from this address. */
  recentFromAccount: number;
  recentFromAddress: number;
}

/** More than this many reviews in an hour from one account or one address is a burst. */
export const burstLimits = { perAccountPerHour: 3, perAddressPerHour: 5 } as const;

// http(s)://, www., or a bare domain with a common top-level domain ("cheap-pills.com").
const linkPattern =
  /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|info|biz|ru|cn|io|co|xyz|top|shop|link|click)\b/i;
// The same character ten times running, or the same word five times running.
const stutterPattern = /(.)\1{9,}|\b(\w+)\b(?:\W+\2\b){4,}/iu;

function sameText(a: string, b: string): boolean {
  const norm = (value: string) => value.toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
  const left = norm(a);
  return left.length >= 20 && left === norm(b);
}

/**
 * The rules that decide whether a review publishes at once: only a verified purchase with clean
 * text, no photos (a person checks pictures for faces, addresses and worse) and no spam signal
 * does; everything else waits for a moderator, with the signals recorded
 * as the decision's reasons. The star rating is never a signal: a negative review is treated
 * exactly like a positive one (the FTC rule on reviews forbids suppressing them).
 */
export function holdSignals(facts: SubmissionFacts): HoldSignal[] {
  const text = `${facts.title}\n${facts.body}`;
  const signals: HoldSignal[] = [];
  if (!facts.verified) signals.push('unverified');
  if (containsProfanity(text)) signals.push('profanity');
  if ((facts.photoCount ?? 0) > 0) signals.push('photos');
  if (linkPattern.test(text)) signals.push('link');
  if (
    stutterPattern.test(text) ||
    facts.authorsOtherTexts.some((other) => sameText(other, facts.body))
  ) {
    signals.push('repeated_text');
  }
  if (
    facts.recentFromAccount >= burstLimits.perAccountPerHour ||
    facts.recentFromAddress >= burstLimits.perAddressPerHour
  ) {
    signals.push('burst');
  }
  return signals;
}
