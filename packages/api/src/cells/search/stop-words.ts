/**
 * English function words skipped in product descriptions only (names, brands and categories keep
 * every word: "The Ordinary" is a brand). In a description they say nothing about the product, so
 * indexing them would only let "the" or "with" match most of the catalogue and cost memory.
 * The list is the catalogue's language; a shop writing descriptions in another language extends it.
 */
const stopWords: ReadonlySet<string> = new Set(
  (
    'a about after all also an and any are as at be because been before but by can do each every ' +
    'for from had has have he her here his how i if in into is it its just more most my no not ' +
    'of on one or other our out over so some than that the their them then there these they this ' +
    'those through to too up us very was we were what when where which while who will with you ' +
    'your'
  ).split(' '),
);

/** Whether a normalised term (see text-analysis.ts) is a function word. */
export function isStopWord(term: string): boolean {
  return stopWords.has(term);
}
