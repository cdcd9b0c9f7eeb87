/**
 * How text becomes index terms, used for both the catalog and the shopper's query so the two
 * agree. Only constant patterns are used here: the shopper's text is never turned into a regular
 * expression or a database operator.
 */
const wordPattern = /[\p{L}\p{N}]+/gu;
const combiningMarks = /\p{M}+/gu;

/** Words of any script; punctuation, `$`, regex characters and emoji separate words. */
export function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/**
 * Lowercase, accents folded ("Café" and "cafe" meet) and a light plural stem ("lamps" -> "lamp",
 * "batteries" -> "battery"), so a shopper's singular finds a plural name and the other way round.
 */
export function normalizeTerm(term: string): string | null {
  const folded = term.normalize('NFKD').replace(combiningMarks, '').toLocaleLowerCase('en');
  if (folded.length === 0) return null;
  return stemPlural(folded);
}

function stemPlural(term: string): string {
  if (term.length <= 3) return term;
  if (term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  if (term.endsWith('ches') || term.endsWith('shes') || term.endsWith('xes')) {
    return term.slice(0, -2);
  }
  if (term.endsWith('s') && !term.endsWith('ss') && !term.endsWith('us') && !term.endsWith('is')) {
    return term.slice(0, -1);
  }
  return term;
}

/** The query's terms as the index stores them. */
export function queryTerms(query: string): string[] {
  return tokenize(query)
    .map(normalizeTerm)
    .filter((term): term is string => term !== null);
}

/**
 * Edits allowed per term: none for short words (too many near neighbours), one from 4
 * letters, two from 6 ("lapotp" -> "laptop" is two substitutions).
 */
export function allowedEdits(term: string): number {
  if (term.length <= 3) return 0;
  if (term.length <= 5) return 1;
  return 2;
}
