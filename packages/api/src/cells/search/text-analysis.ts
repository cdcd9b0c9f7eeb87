/**
 * How text becomes index terms, used for both the catalog and the shopper's query so the two
 * agree. Only constant patterns are used here: the shopper's text is never turned into a regular
 * expression or a database operator. The rules are described for merchants in docs/search.md.
 */
// A word may hold apostrophes ("men's" is one word, "mens"), never other punctuation.
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const apostrophes = /['’]/g;
// Words joined by hyphens ("T-Shirt", "Full-Grain"): also indexed as one word ("tshirt").
const hyphenatedPattern = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+/gu;
const hyphens = /[-‐‑]/g;
const combiningMarks = /\p{M}+/gu;

/** Words of any script; punctuation, `$`, regex characters and emoji separate words. */
export function tokenize(text: string): string[] {
  return (text.match(wordPattern) ?? []).map((word) => word.replace(apostrophes, ''));
}

/** "T-Shirt" -> "TShirt": each hyphenated group of the text written as one word. */
export function hyphenatedCompounds(text: string): string[] {
  return (text.match(hyphenatedPattern) ?? []).map((group) => group.replace(hyphens, ''));
}

/** Lowercase with accents folded: "Café" -> "cafe". */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(combiningMarks, '').toLocaleLowerCase('en');
}

/**
 * Lowercase, accents folded ("Café" and "cafe" meet) and a light plural stem ("lamps" -> "lamp",
 * "batteries" -> "battery", "knives" -> "knife"), so a shopper's singular finds a plural name and
 * the other way round.
 */
export function normalizeTerm(term: string): string | null {
  const folded = foldWord(term);
  if (folded.length === 0) return null;
  return stemPlural(folded);
}

/** English plurals the suffix rules below would get wrong. */
const irregularPlurals: Readonly<Record<string, string>> = {
  knives: 'knife',
  wives: 'wife',
  lives: 'life',
  shelves: 'shelf',
  halves: 'half',
  leaves: 'leaf',
  loaves: 'loaf',
  scarves: 'scarf',
  wolves: 'wolf',
  men: 'man',
  women: 'woman',
  mens: 'man',
  womens: 'woman',
  children: 'child',
  childrens: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
};

function stemPlural(term: string): string {
  const irregular = irregularPlurals[term];
  if (irregular !== undefined) return irregular;
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

/** One word of a query: as typed (lowercase, for "showing results for") and as indexed. */
export interface QueryWord {
  typed: string;
  term: string;
}

/** Words beyond this are ignored: a query is a few words, and each word costs a posting scan. */
export const maxQueryWords = 10;

export function queryWords(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const word of tokenize(query)) {
    const term = normalizeTerm(word);
    if (term === null) continue;
    words.push({ typed: foldWord(word), term });
    if (words.length === maxQueryWords) break;
  }
  return words;
}

/** The query's terms as the index stores them. */
export function queryTerms(query: string): string[] {
  return queryWords(query).map((word) => word.term);
}

/**
 * Typos allowed per word, Damerau-Levenshtein (a swapped pair of neighbouring letters is one
 * typo): none below 5 letters (too many near neighbours: "lamp" is not "lame"), one from 5
 * ("shrit" -> "shirt"), two from 9. The first letter may be wrong too.
 */
export function allowedTypos(term: string): number {
  if (term.length < 5) return 0;
  if (term.length < 9) return 1;
  return 2;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, or swap
 * two neighbouring letters, each one typo), or `max + 1` as soon as it must exceed `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width);
  let previous = new Array<number>(width);
  let current = new Array<number>(width);
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}
