/**
 * Writes the graded query set of the relevance benchmark, `bench/data/search-relevance-queries.json`,
 * from the generated 20,000-product catalogue by fixed rules (seeded, so a rerun writes the same
 * file). Each query names what the shopper expects (search-relevance-judge.ts grades products
 * against it), so the same file judges the 20,000- and the 100,000-product catalogue (the
 * generator is prefix-stable: the larger holds the smaller).
 *
 *   pnpm --filter @shop/bench search-relevance-queries
 */
import { writeFileSync } from 'node:fs';
import { generateCatalog } from '@shop/db/seed';
import {
  judgedProduct,
  queryClasses,
  type JudgedProduct,
  type QueryClass,
  type RelevanceQuery,
} from './search-relevance-judge';

export const querySetPath = new URL('../data/search-relevance-queries.json', import.meta.url);
const perClass = 40;

/** A deterministic pseudo-random sequence, so every run writes the same queries. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const random = sequence(19);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Letters a finger slips to on a QWERTY keyboard. */
const neighbours: Record<string, string> = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl',
  p: 'ol', a: 'qsz', s: 'adw', d: 'sfe', f: 'dgr', g: 'fht', h: 'gjy', j: 'hku', k: 'jli',
  l: 'ko', z: 'xa', x: 'zcs', c: 'xvd', v: 'cbf', b: 'vng', n: 'bmh', m: 'nj',
}; // prettier-ignore

type Typo = (word: string) => string;
const typos: Record<string, Typo> = {
  transposition: (word) => {
    const at = Math.floor(random() * (word.length - 1));
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  },
  deletion: (word) => {
    const at = Math.floor(random() * word.length);
    return word.slice(0, at) + word.slice(at + 1);
  },
  insertion: (word) => {
    const at = Math.floor(random() * word.length);
    const near = neighbours[word[at]!] ?? 'e';
    return word.slice(0, at + 1) + pick([...near]) + word.slice(at + 1);
  },
  substitution: (word) => {
    const at = Math.floor(random() * word.length);
    const near = neighbours[word[at]!] ?? 'e';
    return word.slice(0, at) + pick([...near]) + word.slice(at + 1);
  },
};

/** Words of a query that a typo goes into: 5+ letters (shorter words allow none, by design). */
const typoTargets = (text: string) =>
  text
    .toLowerCase()
    .split(' ')
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => /^[a-z]{5,}$/.test(word));

function withTypo(text: string, typo: Typo): string | null {
  const targets = typoTargets(text);
  if (targets.length === 0) return null;
  const { word, index } = pick(targets);
  const words = text.toLowerCase().split(' ');
  words[index] = typo(word);
  return words[index] === word ? null : words.join(' ');
}

const irregular: Record<string, string> = { knife: 'knives', shelf: 'shelves' };
function plural(item: string): string | null {
  const words = item.split(' ');
  const last = words.at(-1)!.toLowerCase();
  if (/\d/.test(last) || last.endsWith('s')) return null;
  const made =
    irregular[last] ??
    (/(x|ch|sh)$/.test(last)
      ? `${last}es`
      : /[^aeiou]y$/.test(last)
        ? `${last.slice(0, -1)}ies`
        : `${last}s`);
  return [...words.slice(0, -1).map((word) => word.toLowerCase()), made].join(' ');
}

/** Words shoppers add that no product text contains (checked against the catalogue below). */
const lackingWords = ['cheap', 'best', 'mens', 'womens', 'gift', 'cozy', 'sale', 'nice', 'kids'];

function makeQuery(kind: QueryClass, product: JudgedProduct): RelevanceQuery | null {
  const { name, item, quality, brand, colours } = product;
  const lower = (text: string) => text.toLowerCase();
  switch (kind) {
    case 'typo-transposition':
    case 'typo-deletion':
    case 'typo-insertion':
    case 'typo-substitution': {
      const typo = typos[kind.slice('typo-'.length)]!;
      // Half whole names ("arlo oak deks lamp"), half one word of the type ("shrit").
      if (random() < 0.5) {
        const q = withTypo(name, typo);
        return q === null ? null : { class: kind, q, expect: { name, item, quality } };
      }
      const word = item.split(/[\s-]/).at(-1)!;
      const q = withTypo(word, typo);
      return q === null ? null : { class: kind, q, expect: { itemWord: word } };
    }
    case 'plural': {
      const q = plural(item);
      return q === null ? null : { class: kind, q, expect: { item } };
    }
    case 'brand-type':
      return { class: kind, q: lower(`${brand} ${item}`), expect: { brand, item } };
    case 'colour-type': {
      if (colours.length === 0) return null;
      const colour = pick(colours);
      return { class: kind, q: lower(`${colour} ${item}`), expect: { colour, item } };
    }
    case 'material-type':
      return { class: kind, q: lower(`${quality} ${item}`), expect: { quality, item } };
    case 'partial-name': {
      const words = name.split(' ');
      const last = words.at(-1)!;
      if (last.length < 4) return null;
      const cut = last.slice(0, 2 + Math.floor(random() * (last.length - 2)));
      const q = lower([...words.slice(0, -1), cut].join(' '));
      return { class: kind, q, expect: { name, item, quality } };
    }
    case 'missing-word': {
      const word = pick(lackingWords);
      const q = random() < 0.7 ? `${word} ${lower(item)}` : `${lower(item)} ${word}`;
      return { class: kind, q, expect: { item } };
    }
    case 'multi-word': {
      if (colours.length > 0 && random() < 0.5) {
        const colour = pick(colours);
        const q = lower(`${colour} ${quality} ${item}`);
        return { class: kind, q, expect: { colour, quality, item } };
      }
      return {
        class: kind,
        q: lower(`${brand} ${quality} ${item}`),
        expect: { brand, quality, item },
      };
    }
  }
}

function generate(): RelevanceQuery[] {
  const catalog = generateCatalog({ productCount: 20_000 });
  const active = catalog.products.filter((product) => product.status === 'active');
  const vocabulary = new Set(
    active.flatMap((product) =>
      [product.name, product.brand, ...product.attributes.map((a) => a.value)]
        .join(' ')
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    ),
  );
  const lacking = lackingWords.filter((word) => vocabulary.has(word));
  if (lacking.length > 0) throw new Error(`the catalogue has ${lacking.join(', ')}`);

  const queries: RelevanceQuery[] = [];
  for (const kind of queryClasses) {
    const seen = new Set<string>();
    while (seen.size < perClass) {
      const query = makeQuery(kind, judgedProduct(pick(active)));
      if (!query || seen.has(query.q)) continue;
      seen.add(query.q);
      queries.push(query);
    }
  }
  return queries;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const queries = generate();
  writeFileSync(querySetPath, `${JSON.stringify(queries, null, 1)}\n`);
  process.stdout.write(`${queries.length} queries written to ${querySetPath.pathname}\n`);
}
