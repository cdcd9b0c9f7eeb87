import { pageWindow } from '../../trpc/pagination';
import type { CategoryTree } from './category-tree';
import { buildFacets, filterAndCount } from './facets';
import { filterGroupsOf, type FilterGroup } from './filters';
import type { CatalogProduct } from '../product/public';
import { searchableTextOf, toIndexedProduct, type IndexedProduct } from './indexed-product';
import { MerchandisingRules, type BoostScore, type QueryPins } from './merchandising-rules';
import { comparatorFor, firstInOrder, type Compare } from './ordering';
import type { QueryInput } from './inputs';
import {
  allowedTypos,
  normalizeTerm,
  queryTerms,
  queryWords,
  tokenize,
  type QueryWord,
} from './text-analysis';
import { asYouType, maxRankKey, TextIndex, wholeWords, type MatchOptions } from './text-index';
import type { SearchResults, Suggestion } from './views';

const suggestionLimits = { queries: 5, products: 4, categories: 3 };
/** Completions of the last word tried when earlier words must also match. */
const completionCandidates = 12;
/** Distinct recent word sets whose matches are kept (each an array of references). */
const matchCacheSize = 200;

interface Matches {
  products: IndexedProduct[];
  /** Parallel to `products`: match quality, lower is better (see text-index.ts `rankKey`). */
  ranks: number[];
}

/** How many times more results a correction must find to be offered as "did you mean". */
const didYouMeanFactor = 3;
/** Below this many products for every word, products matching fewer words follow (relevance). */
const fillBelow = 50;
/** Rank added per word dropped: larger than any rank key. */
const wordsMatchedStep = maxRankKey + 1;
/** Rank of the first pinned product: below every other rank, pins keep their given order. */
const pinnedRankBase = -Number.MAX_SAFE_INTEGER;

/**
 * The active catalog in memory: a text index for the words (typos, prefixes, scores), plus each
 * product's facet values for filtering, counting and sorting without touching the database.
 * All methods are synchronous, so a query never sees an update half applied.
 */
export class CatalogIndex {
  private readonly text = new TextIndex();
  /** Slot -> product; null once removed or replaced (a replaced product gets a new slot). */
  private readonly slots: (IndexedProduct | null)[] = [];
  private readonly slotById = new Map<string, number>();
  /** Normalised words -> matches; emptied by every change to the index. */
  private readonly matchCache = new Map<string, Matches>();
  /** Relevance per slot for the query being answered (scratch, only matched slots are read). */
  private relevance = new Float64Array(0);
  private readonly currencyCounts = new Map<string, number>();

  constructor(readonly tree: CategoryTree) {}

  get size(): number {
    return this.slotById.size;
  }

  /** Share of slots left behind by removals and updates; the owner rebuilds when it grows. */
  get deadRatio(): number {
    return this.text.deadRatio;
  }

  ids(): IterableIterator<string> {
    return this.slotById.keys();
  }

  versionOf(id: string): number | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.slots[slot]?.version;
  }

  /** Drops cached text matches (benchmarks measure uncached queries). */
  forgetCachedMatches(): void {
    this.matchCache.clear();
  }

  /** Adds or replaces a listed product; only its facet values and card are kept in memory. */
  upsert(listed: CatalogProduct): void {
    const product = toIndexedProduct(listed, this.tree);
    // A new product can match words whose (empty) answer is cached: clear on every write.
    this.matchCache.clear();
    this.remove(product.id);
    const slot = this.slots.length;
    product.slot = slot;
    this.slots.push(product);
    this.slotById.set(product.id, slot);
    this.text.add(slot, searchableTextOf(product, listed.description, this.tree));
    const currency = product.summary.currency;
    this.currencyCounts.set(currency, (this.currencyCounts.get(currency) ?? 0) + 1);
  }

  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.matchCache.clear();
    this.slotById.delete(id);
    this.slots[slot] = null;
    this.text.remove(slot);
    return true;
  }

  /** The catalog's main currency, for price facet labels. */
  private currency(): string {
    let best = 'EUR';
    let bestCount = 0;
    for (const [currency, count] of this.currencyCounts) {
      if (count > bestCount) [best, bestCount] = [currency, count];
    }
    return best;
  }

  /**
   * Products matching every word, or, with synonyms, every word of any version of the query
   * (`MerchandisingRules.expand`), each product at its best rank among them.
   */
  private textMatches(words: readonly QueryWord[], rules: MerchandisingRules): Matches {
    const variants = rules.expand(words);
    if (variants.length === 1) return this.wordMatches(variants[0]!);
    const merged: Matches = { products: [], ranks: [] };
    const at = new Map<number, number>();
    for (const variant of variants) {
      const matches = this.wordMatches(variant);
      matches.products.forEach((product, index) => {
        const rank = matches.ranks[index]!;
        const known = at.get(product.slot);
        if (known === undefined) {
          at.set(product.slot, merged.products.length);
          merged.products.push(product);
          merged.ranks.push(rank);
        } else if (rank < merged.ranks[known]!) merged.ranks[known] = rank;
      });
    }
    return merged;
  }

  /**
   * Products matching every word. Served from a small cache while the index is unchanged: a
   * shopper refining one search by facets repeats the same words.
   */
  private wordMatches(words: readonly QueryWord[]): Matches {
    const terms = words.map((word) => word.term);
    const typed = words.map((word) => word.typed);
    const key = words.map((word) => `${word.term}/${word.typed}`).join(' ');
    const cached = this.matchCache.get(key);
    if (cached) return cached;
    const found = this.text.match(terms, wholeWords, typed);
    const matches: Matches = { products: [], ranks: [] };
    for (let index = 0; index < found.slots.length; index += 1) {
      const product = this.slots[found.slots[index]!];
      if (!product) continue;
      matches.products.push(product);
      matches.ranks.push(found.ranks[index]!);
    }
    if (this.matchCache.size >= matchCacheSize) {
      this.matchCache.delete(this.matchCache.keys().next().value!);
    }
    this.matchCache.set(key, matches);
    return matches;
  }

  /**
   * Best match first (the text index's rank key: typos, proximity, exact before prefix, field),
   * then the shop's signals: in stock, popularity (number of reviews), rating; then the id, so
   * pages never overlap.
   */
  private byRelevance(matches: Matches, boost: BoostScore | null = null): Compare {
    if (this.relevance.length < this.slots.length) {
      this.relevance = new Float64Array(Math.max(this.slots.length, this.relevance.length * 2));
    }
    const relevance = this.relevance;
    const { products, ranks } = matches;
    for (let index = 0; index < products.length; index += 1) {
      relevance[products[index]!.slot] = ranks[index]!;
    }
    const signals: Compare = (a, b) =>
      Number(b.inStock) - Number(a.inStock) ||
      b.ratingCount - a.ratingCount ||
      b.ratingAverage - a.ratingAverage ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    if (!boost) return (a, b) => relevance[a.slot]! - relevance[b.slot]! || signals(a, b);
    // Boost and bury reorder within the same number of words matched (pins stay first): after
    // rule 1 of the ranking, before typos (docs/search.md).
    const score = new Map<number, number>();
    for (const product of products) score.set(product.slot, boost(product));
    const level = (rank: number) => (rank < 0 ? rank : Math.floor(rank / wordsMatchedStep));
    return (a, b) => {
      const rankA = relevance[a.slot]!;
      const rankB = relevance[b.slot]!;
      return (
        level(rankA) - level(rankB) ||
        score.get(b.slot)! - score.get(a.slot)! ||
        rankA - rankB ||
        signals(a, b)
      );
    };
  }

  /**
   * Pins first (in their order, under the same filters as any result, even when they do not
   * match the words), hidden products removed. A new `Matches`: the cached one is shared.
   */
  private pinned(matches: Matches, pins: QueryPins): Matches {
    const adjusted: Matches = { products: [], ranks: [] };
    const pinnedAt = new Map(pins.pinned.map((id, order) => [id, order]));
    pins.pinned.forEach((id, order) => {
      const slot = this.slotById.get(id);
      const product = slot === undefined ? null : this.slots[slot];
      if (!product || pins.hidden.has(id)) return;
      adjusted.products.push(product);
      adjusted.ranks.push(pinnedRankBase + order);
    });
    matches.products.forEach((product, index) => {
      if (pins.hidden.has(product.id) || pinnedAt.has(product.id)) return;
      adjusted.products.push(product);
      adjusted.ranks.push(matches.ranks[index]!);
    });
    return adjusted;
  }

  /**
   * Answers a query. `rules` are the merchandising rules (synonyms, pins and hides, boost and
   * bury); redirects are the caller's, as they replace the answer.
   */
  search(query: QueryInput, rules: MerchandisingRules = MerchandisingRules.none): SearchResults {
    const words = query.q ? queryWords(query.q) : [];
    // Text that has no words at all ("$$$", "***") matches nothing rather than everything.
    if (words.length === 0 && query.q && query.q.length > 0) return this.empty(query);
    const category = query.filters?.category;
    const groups = filterGroupsOf(query.filters);
    const relevanceOrder = query.sort === 'relevance';

    const found =
      words.length === 0
        ? null
        : query.exact
          ? { matches: this.textMatches(words, rules), used: null, fullCount: null }
          : this.relaxedMatches(words, category, groups, relevanceOrder, rules);
    const pins = found && query.q ? rules.pinsFor(query.q) : null;
    const text = found && pins ? { ...found, matches: this.pinned(found.matches, pins) } : found;
    const boost = text && query.q ? rules.boostsFor(query.q) : null;
    const { matching, counts } = filterAndCount(
      text ? text.matches.products : this.slots,
      category,
      groups,
    );
    const { skip, limit } = pageWindow(query.page, query.pageSize);
    const compare =
      relevanceOrder && text ? this.byRelevance(text.matches, boost) : comparatorFor(query.sort);
    const ordered = firstInOrder(matching, skip + limit, compare);
    const queryUsed = text?.used ? text.used.map((word) => word.typed).join(' ') : null;
    const didYouMean = text
      ? this.didYouMean(words, text.fullCount ?? matching.length, query, rules)
      : null;
    return {
      results: ordered.slice(skip, skip + limit).map((product) => product.summary),
      totalCount: matching.length,
      page: query.page,
      hasMore: skip + limit < matching.length,
      facets: buildFacets(counts, query.filters, this.tree, this.currency()),
      queryUsed,
      didYouMean: didYouMean === queryUsed ? null : didYouMean,
      redirect: null,
    };
  }

  /**
   * The products for the words: those matching every word; when none do (under the filters),
   * those of the first shorter query (`fewerWords`) that finds some, and that query is `used`.
   * In relevance order, while fewer than `fillBelow` products match, the next shorter queries'
   * products follow, ranked after (more words matched first), so a precise query still shows
   * close alternatives ("navy wool coat": the navy wool coats, then other wool coats).
   */
  private relaxedMatches(
    words: readonly QueryWord[],
    category: string | undefined,
    groups: readonly FilterGroup[],
    fill: boolean,
    rules: MerchandisingRules,
  ): { matches: Matches; used: QueryWord[] | null; fullCount: number } {
    const full = this.textMatches(words, rules);
    const fullCount = countMatching(full.products, category, groups);
    if (fullCount >= fillBelow || (fullCount > 0 && !fill)) {
      return { matches: full, used: null, fullCount };
    }
    const merged: Matches = { products: [], ranks: [] };
    const seen = new Set<number>();
    let found = 0;
    let used: QueryWord[] | null = null;
    let level = 0;
    const take = (matches: Matches) => {
      matches.products.forEach((product, index) => {
        if (seen.has(product.slot)) return;
        seen.add(product.slot);
        merged.products.push(product);
        merged.ranks.push(level * wordsMatchedStep + matches.ranks[index]!);
      });
    };
    if (fullCount > 0) {
      take(full);
      found = fullCount;
    }
    for (const fewer of this.fewerWords(words, rules)) {
      const matches = this.textMatches(fewer, rules);
      const count = countMatching(matches.products, category, groups);
      if (count === 0) continue;
      if (found === 0) used = fewer;
      level += 1;
      take(matches);
      found += count;
      if (!fill || found >= fillBelow) break;
    }
    return { matches: found > 0 ? merged : full, used, fullCount };
  }

  /**
   * Ever shorter versions of the query. First each word that matches nothing at all is read as
   * two indexed words ("desklamp" -> "desk lamp") or, if it has 3 or 4 letters (where a search
   * allows no typo), replaced by the indexed word one typo away ("nife" -> "knife"); then those
   * words are left out (a correction can miss); then words are dropped from the front, because
   * the last word of a shopping query usually names the thing ("coffee mug", "waterproof
   * jacket") and the ones before describe it.
   */
  private *fewerWords(
    words: readonly QueryWord[],
    rules: MerchandisingRules,
  ): Generator<QueryWord[]> {
    const matchable = this.text.matchableWords(
      words.map((word) => word.term),
      wholeWords,
      words.map((word) => word.typed),
    );
    const repaired: QueryWord[] = [];
    const withoutThem: QueryWord[] = [];
    words.forEach((word, index) => {
      // A synonym's source word matches through its rule, though the catalogue lacks it.
      if (matchable[index] || rules.isSynonymSource(word.term)) {
        repaired.push(word);
        withoutThem.push(word);
        return;
      }
      const halves = this.splitWord(word);
      // Only short words (3-4 letters, where a search allows no typo) are corrected here: a
      // longer word that matches nothing even with its typos is more often not a typo at all.
      const closest =
        halves.length === 0 && word.term.length >= 3 && allowedTypos(word.term) === 0
          ? this.text.closestTerm(word.term, 1)
          : null;
      repaired.push(
        ...halves,
        ...(closest ? [{ typed: closest.written, term: closest.term }] : []),
      );
    });
    if (withoutThem.length === words.length) {
      yield* fromTheFront(words);
      return;
    }
    if (repaired.length > withoutThem.length) yield repaired;
    if (withoutThem.length > 0) {
      yield withoutThem;
      yield* fromTheFront(withoutThem);
    }
  }

  /** "desklamp" -> "desk lamp" when both halves are indexed words; else nothing. */
  private splitWord(word: QueryWord): QueryWord[] {
    const { typed } = word;
    for (let at = 2; at <= typed.length - 2; at += 1) {
      const first = normalizeTerm(typed.slice(0, at));
      const second = normalizeTerm(typed.slice(at));
      if (first && second && this.text.has(first) && this.text.has(second)) {
        return [
          { typed: typed.slice(0, at), term: first },
          { typed: typed.slice(at), term: second },
        ];
      }
    }
    return [];
  }

  private empty(query: QueryInput): SearchResults {
    return {
      results: [],
      totalCount: 0,
      page: query.page,
      hasMore: false,
      facets: [],
      queryUsed: null,
      didYouMean: null,
      redirect: null,
    };
  }

  /**
   * The query with each word that is not an indexed word replaced by the closest one (fewest
   * typos, then the most common, up to one typo more than a search allows), offered when it finds
   * at least `didYouMeanFactor` times as many products as the query as typed under the same
   * filters ("lamb" finds a few lambswool jumpers by prefix; "lamp" finds hundreds).
   */
  private didYouMean(
    words: readonly QueryWord[],
    count: number,
    query: QueryInput,
    rules: MerchandisingRules,
  ): string | null {
    // Words of one or two letters are left alone: almost anything is one typo away; a synonym's
    // source word is a word the shop chose.
    const settled = (word: QueryWord) =>
      word.term.length < 3 || this.text.has(word.term) || rules.isSynonymSource(word.term);
    if (words.every(settled)) return null;
    let changed = false;
    // A correction within the typos the search allowed was already searched for: its products
    // are among these results, so it cannot find more.
    let alreadySearched = true;
    const corrected = words.map((word) => {
      if (settled(word)) return word;
      const allowed = allowedTypos(word.term);
      const closest = this.text.closestTerm(word.term, allowed + 1);
      if (closest === null || closest.term === word.term) return word;
      changed = true;
      if (closest.typos > allowed) alreadySearched = false;
      return { typed: closest.written, term: closest.term };
    });
    if (!changed || (alreadySearched && count > 0)) return null;
    const found = countMatching(
      this.textMatches(corrected, rules).products,
      query.filters?.category,
      filterGroupsOf(query.filters),
    );
    return found > 0 && found >= didYouMeanFactor * count
      ? corrected.map((word) => word.typed).join(' ')
      : null;
  }

  /** As-you-type suggestions: queries completing the words, a few products, categories. */
  suggest(rawQuery: string): Suggestion[] {
    const terms = queryTerms(rawQuery);
    if (terms.length === 0) return [];
    const found = this.text.match(terms, asYouType);
    const matches: Matches = { products: [], ranks: [] };
    found.slots.forEach((slot, index) => {
      const product = this.slots[slot];
      if (!product) return;
      matches.products.push(product);
      matches.ranks.push(found.ranks[index]!);
    });
    // The first few in search order, without sorting every match (a 3-letter prefix can reach
    // tens of thousands of products).
    const products = firstInOrder(
      matches.products,
      suggestionLimits.products,
      this.byRelevance(matches),
    ).map((product): Suggestion => ({
      text: product.summary.name,
      kind: 'product',
      slug: product.summary.slug,
    }));
    return [
      ...this.completedQueries(rawQuery, terms),
      ...products,
      ...this.matchingCategories(terms),
    ];
  }

  /** "oak ta" -> "oak table": completions of the last word that find something with the rest. */
  private completedQueries(rawQuery: string, terms: string[]): Suggestion[] {
    const words = tokenize(rawQuery).map((word) => word.toLocaleLowerCase('en'));
    const typed = words.slice(0, -1).join(' ');
    const before = terms.slice(0, -1);
    const last = terms[terms.length - 1]!;
    // Match the unstemmed last word too: "glas" is stored under neither "gla" nor "glas".
    const rawLast = words[words.length - 1] ?? last;
    const seen = new Set<string>();
    const suggestions: Suggestion[] = [];
    for (const prefix of new Set([last, rawLast])) {
      for (const { term, written } of this.text.completions(prefix, completionCandidates)) {
        if (seen.has(term)) continue;
        seen.add(term);
        if (
          before.length > 0 &&
          this.text.match([...before, term], wholeWordsExactLast).slots.length === 0
        ) {
          continue;
        }
        suggestions.push({ text: typed ? `${typed} ${written}` : written, kind: 'query' });
        if (suggestions.length >= suggestionLimits.queries) return suggestions;
      }
    }
    return suggestions;
  }

  /** Categories whose name has a word starting with each typed word ("lig" -> Lighting). */
  private matchingCategories(terms: readonly string[]): Suggestion[] {
    const found: Suggestion[] = [];
    for (const category of this.tree.all()) {
      const words = tokenize(category.name).flatMap((word) => [
        word.toLocaleLowerCase('en'),
        normalizeTerm(word) ?? '',
      ]);
      if (terms.every((term) => words.some((word) => word !== '' && word.startsWith(term)))) {
        found.push({ text: category.name, kind: 'category', slug: category.slug });
      }
      if (found.length >= suggestionLimits.categories) break;
    }
    return found;
  }
}

/** Earlier words as whole words with typos; the completed last word exactly. */
const wholeWordsExactLast: MatchOptions = {
  prefix: () => false,
  typos: (term, index, count) => (index === count - 1 ? 0 : wholeWords.typos(term, index, count)),
  proseTypos: 0,
  prose: true,
};

/** How many of the products pass the filters (no facet counts: for a did-you-mean check). */
function countMatching(
  products: readonly IndexedProduct[],
  category: string | undefined,
  groups: readonly FilterGroup[],
): number {
  let count = 0;
  for (const product of products) {
    if (category !== undefined && !product.categories.includes(category)) continue;
    if (groups.every((group) => group.passes(product))) count += 1;
  }
  return count;
}

/** "oak desk lamp" -> "desk lamp", "lamp": words dropped from the front, the last one kept. */
function* fromTheFront(words: readonly QueryWord[]): Generator<QueryWord[]> {
  for (let start = 1; start < words.length; start += 1) yield words.slice(start);
}
