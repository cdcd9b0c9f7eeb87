import { pageWindow } from '../../trpc/pagination';
import type { CategoryTree } from './category-tree';
import { buildFacets, filterAndCount } from './facets';
import { filterGroupsOf } from './filters';
import { searchableTextOf, type IndexedProduct } from './indexed-product';
import { comparatorFor, firstInOrder, type Compare } from './ordering';
import type { QueryInput } from './inputs';
import { normalizeTerm, queryTerms, queryWords, tokenize, type QueryWord } from './text-analysis';
import { asYouType, TextIndex, wholeWords } from './text-index';
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

  upsert(product: IndexedProduct): void {
    // A new product can match words whose (empty) answer is cached: clear on every write.
    this.matchCache.clear();
    this.remove(product.id);
    const slot = this.slots.length;
    product.slot = slot;
    this.slots.push(product);
    this.slotById.set(product.id, slot);
    this.text.add(slot, searchableTextOf(product, this.tree));
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
   * Products matching every word. Served from a small cache while the index is unchanged: a
   * shopper refining one search by facets repeats the same words.
   */
  private textMatches(words: readonly QueryWord[]): Matches {
    const terms = words.map((word) => word.term);
    const key = terms.join(' ');
    const cached = this.matchCache.get(key);
    if (cached) return cached;
    const found = this.text.match(terms, wholeWords);
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
  private byRelevance(matches: Matches): Compare {
    if (this.relevance.length < this.slots.length) {
      this.relevance = new Float64Array(Math.max(this.slots.length, this.relevance.length * 2));
    }
    const relevance = this.relevance;
    const { products, ranks } = matches;
    for (let index = 0; index < products.length; index += 1) {
      relevance[products[index]!.slot] = ranks[index]!;
    }
    return (a, b) =>
      relevance[a.slot]! - relevance[b.slot]! ||
      Number(b.inStock) - Number(a.inStock) ||
      b.ratingCount - a.ratingCount ||
      b.ratingAverage - a.ratingAverage ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  search(query: QueryInput): SearchResults {
    const words = query.q ? queryWords(query.q) : [];
    // Text that has no words at all ("$$$", "***") matches nothing rather than everything.
    if (words.length === 0 && query.q && query.q.length > 0) return this.empty(query);
    const category = query.filters?.category;
    const groups = filterGroupsOf(query.filters);

    let used = words;
    let matches = words.length > 0 ? this.textMatches(words) : null;
    let { matching, counts } = filterAndCount(
      matches ? matches.products : this.slots,
      category,
      groups,
    );
    const fullCount = matching.length;
    // Nothing for every word: search for fewer words rather than show nothing, and say so.
    if (matching.length === 0 && words.length > 0) {
      for (const fewer of this.fewerWords(words)) {
        const found = this.textMatches(fewer);
        const filtered = filterAndCount(found.products, category, groups);
        if (filtered.matching.length === 0) continue;
        [used, matches, { matching, counts }] = [fewer, found, filtered];
        break;
      }
    }

    const { skip, limit } = pageWindow(query.page, query.pageSize);
    const compare =
      query.sort === 'relevance' && matches ? this.byRelevance(matches) : comparatorFor(query.sort);
    const ordered = firstInOrder(matching, skip + limit, compare);
    return {
      results: ordered.slice(skip, skip + limit).map((product) => product.summary),
      totalCount: matching.length,
      page: query.page,
      hasMore: skip + limit < matching.length,
      facets: buildFacets(counts, query.filters, this.tree, this.currency()),
      queryUsed: used === words ? null : used.map((word) => word.typed).join(' '),
      didYouMean: words.length > 0 ? this.didYouMean(words, fullCount, query) : null,
    };
  }

  /**
   * Ever shorter versions of the query, tried in order until one finds something: first without
   * the words that match nothing at all (after trying each as two words: "desklamp" -> "desk
   * lamp"), then dropping words from the front, because the last word of a shopping query
   * usually names the thing ("coffee mug", "waterproof jacket") and the ones before describe it.
   */
  private *fewerWords(words: readonly QueryWord[]): Generator<QueryWord[]> {
    const matchable = this.text.matchableWords(
      words.map((word) => word.term),
      wholeWords,
    );
    let kept: QueryWord[] = [];
    words.forEach((word, index) => {
      if (matchable[index]) kept.push(word);
      else kept.push(...this.splitWord(word));
    });
    if (kept.length > 0 && kept.length !== words.length) yield kept;
    while (kept.length > 1) {
      kept = kept.slice(1);
      yield kept;
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
    };
  }

  /**
   * The query with each word that is not an indexed word replaced by the closest one (fewest
   * typos, then the most common), offered when it finds at least `didYouMeanFactor` times as
   * many products as the query as typed under the same filters ("lamb" finds a few lambswool
   * jumpers by prefix; "lamp" finds hundreds).
   */
  private didYouMean(words: readonly QueryWord[], count: number, query: QueryInput): string | null {
    // Words of one or two letters are left alone: almost anything is one typo away.
    const settled = (word: QueryWord) => word.term.length < 3 || this.text.has(word.term);
    if (words.every(settled)) return null;
    let changed = false;
    const corrected = words.map((word) => {
      if (settled(word)) return word;
      const maxTypos = Math.min(3, Math.max(1, Math.ceil(word.term.length / 3)));
      const closest = this.text.closestTerm(word.term, maxTypos);
      if (closest === null || closest.term === word.term) return word;
      changed = true;
      return { typed: closest.written, term: closest.term };
    });
    if (!changed) return null;
    const retry = filterAndCount(
      this.textMatches(corrected).products,
      query.filters?.category,
      filterGroupsOf(query.filters),
    );
    const found = retry.matching.length;
    return found > 0 && found >= didYouMeanFactor * count
      ? corrected.map((word) => word.typed).join(' ')
      : null;
  }

  /** As-you-type suggestions: queries completing the words, a few products, categories. */
  suggest(rawQuery: string): Suggestion[] {
    const terms = queryTerms(rawQuery);
    if (terms.length === 0) return [];
    const found = this.text.match(terms, asYouType);
    const products = found.slots
      .map((slot, index) => ({ product: this.slots[slot], rank: found.ranks[index]! }))
      .filter((hit): hit is { product: IndexedProduct; rank: number } => hit.product !== null)
      .sort(
        (a, b) => a.rank - b.rank || a.product.summary.name.localeCompare(b.product.summary.name),
      )
      .slice(0, suggestionLimits.products)
      .map(({ product }): Suggestion => ({
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
const wholeWordsExactLast = {
  prefix: () => false,
  typos: (term: string, index: number, count: number) =>
    index === count - 1 ? 0 : wholeWords.typos(term, index, count),
};
