import MiniSearch, { type SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { pageWindow } from '../../trpc/pagination';
import type { CategoryTree } from './category-tree';
import { buildFacets, filterAndCount } from './facets';
import { filterGroupsOf } from './filters';
import { searchableTextOf, type IndexedProduct, type SearchableText } from './indexed-product';
import { comparatorFor, firstInOrder } from './ordering';
import type { SearchQuery } from './search-input';
import { allowedEdits, normalizeTerm, queryTerms, tokenize } from './text-analysis';
import type { SearchResults, Suggestion } from './types';

const searchedFields = ['name', 'brand', 'categories', 'attributes'] as const;
/** A word in the name says most about a product; its colour or material the least. */
const fieldBoost = { name: 3, brand: 2, categories: 1.5, attributes: 1 };
const suggestionLimits = { queries: 5, products: 4, categories: 3 };

function fuzziness(term: string): number | false {
  const edits = allowedEdits(term);
  return edits === 0 ? false : edits;
}

const textSearchOptions: SearchOptions = {
  combineWith: 'AND',
  boost: fieldBoost,
  fuzzy: fuzziness,
  // Prefix matches let "lamp" find "lampshade"; too broad for one- and two-letter terms.
  prefix: (term) => term.length >= 3,
};

/** While typing, only the last word is unfinished; the ones before it are whole words. */
const asYouTypeOptions: SearchOptions = {
  ...textSearchOptions,
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 2,
  fuzzy: (term, index, terms) => (index === terms.length - 1 ? false : fuzziness(term)),
};

/**
 * The active catalog in memory: MiniSearch for the words (typos, prefixes, BM25 scores), plus
 * each product's facet values for filtering, counting and sorting without touching the database.
 * All methods are synchronous, so a query never sees an update half applied.
 */
export class CatalogIndex {
  private readonly text = new MiniSearch<SearchableText>({
    fields: [...searchedFields],
    tokenize,
    processTerm: normalizeTerm,
    searchOptions: textSearchOptions,
  });
  private readonly products = new Map<string, IndexedProduct>();
  /**
   * Every term ever indexed, with how many products used it, for "did you mean". Not decremented
   * on removal: a stale term is harmless because a correction is only offered when it finds
   * something.
   */
  private readonly vocabulary = new SearchableMap<number>();
  private currencyCounts = new Map<string, number>();

  constructor(readonly tree: CategoryTree) {}

  get size(): number {
    return this.products.size;
  }

  ids(): IterableIterator<string> {
    return this.products.keys();
  }

  versionOf(id: string): number | undefined {
    return this.products.get(id)?.version;
  }

  upsert(product: IndexedProduct): void {
    if (this.products.has(product.id)) this.text.discard(product.id);
    this.products.set(product.id, product);
    const text = searchableTextOf(product, this.tree);
    this.text.add(text);
    const seen = new Set<string>();
    for (const field of searchedFields) {
      for (const word of tokenize(text[field])) {
        const term = normalizeTerm(word);
        if (term === null || seen.has(term)) continue;
        seen.add(term);
        this.vocabulary.update(term, (count = 0) => count + 1);
      }
    }
    const currency = product.summary.currency;
    this.currencyCounts.set(currency, (this.currencyCounts.get(currency) ?? 0) + 1);
  }

  remove(id: string): boolean {
    if (!this.products.delete(id)) return false;
    this.text.discard(id);
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

  /** Products matching the words, with their scores; null when there are no words (browse). */
  private textMatches(query: string | undefined): Map<string, number> | null {
    if (!query || queryTerms(query).length === 0) return null;
    const scores = new Map<string, number>();
    for (const hit of this.text.search(query)) scores.set(hit.id as string, hit.score);
    return scores;
  }

  private *candidates(scores: Map<string, number> | null): Iterable<IndexedProduct> {
    if (!scores) {
      yield* this.products.values();
      return;
    }
    for (const id of scores.keys()) {
      const product = this.products.get(id);
      if (product) yield product;
    }
  }

  search(query: SearchQuery): SearchResults {
    const scores = this.textMatches(query.q);
    const hasWords = scores !== null;
    // Text that has no words at all ("$$$", "***") matches nothing rather than everything.
    if (!hasWords && query.q && query.q.length > 0) return this.empty(query);

    const { matching, counts } = filterAndCount(
      this.candidates(scores),
      query.filters?.category,
      filterGroupsOf(query.filters),
    );
    const { skip, limit } = pageWindow(query.page, query.pageSize);
    const ordered = firstInOrder(matching, skip + limit, comparatorFor(query.sort, scores));
    return {
      results: ordered.slice(skip, skip + limit).map((product) => product.summary),
      totalCount: matching.length,
      page: query.page,
      hasMore: skip + limit < matching.length,
      facets: buildFacets(counts, query.filters, this.tree, this.currency()),
      didYouMean: matching.length === 0 && hasWords ? this.didYouMean(query) : null,
    };
  }

  private empty(query: SearchQuery): SearchResults {
    return {
      results: [],
      totalCount: 0,
      page: query.page,
      hasMore: false,
      facets: [],
      didYouMean: null,
    };
  }

  /**
   * The query with each word replaced by the closest indexed term (fewest edits, then the most
   * common), offered only when that query finds something under the same filters.
   */
  private didYouMean(query: SearchQuery): string | null {
    const terms = queryTerms(query.q ?? '');
    let changed = false;
    const corrected = terms.map((term) => {
      if (this.vocabulary.has(term)) return term;
      const maxEdits = Math.min(3, Math.max(1, Math.ceil(term.length / 3)));
      let best: { term: string; distance: number; count: number } | null = null;
      for (const [candidate, [count, distance]] of this.vocabulary.fuzzyGet(term, maxEdits)) {
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && count > best.count)
        ) {
          best = { term: candidate, distance, count };
        }
      }
      if (!best) return term;
      changed = true;
      return best.term;
    });
    if (!changed) return null;
    const suggestion = corrected.join(' ');
    const retry = filterAndCount(
      this.candidates(this.textMatches(suggestion)),
      query.filters?.category,
      filterGroupsOf(query.filters),
    );
    return retry.matching.length > 0 ? suggestion : null;
  }

  /** As-you-type suggestions: queries completing the words, a few products, categories. */
  suggest(rawQuery: string): Suggestion[] {
    const terms = queryTerms(rawQuery);
    if (terms.length === 0) return [];
    const queries = this.text
      .autoSuggest(rawQuery, asYouTypeOptions)
      .slice(0, suggestionLimits.queries)
      .map((hit): Suggestion => ({ text: hit.suggestion, kind: 'query' }));
    const products = this.text
      .search(rawQuery, asYouTypeOptions)
      .slice(0, suggestionLimits.products)
      .flatMap((hit): Suggestion[] => {
        const product = this.products.get(hit.id as string);
        return product
          ? [{ text: product.summary.name, kind: 'product', slug: product.summary.slug }]
          : [];
      });
    return [...queries, ...products, ...this.matchingCategories(terms)];
  }

  /** Categories whose name has a word starting with each typed word ("lig" -> Lighting). */
  private matchingCategories(terms: readonly string[]): Suggestion[] {
    const found: Suggestion[] = [];
    for (const category of this.tree.all()) {
      const words = tokenize(category.name)
        .map(normalizeTerm)
        .filter((word): word is string => word !== null);
      // Compared unstemmed too: "lighting" is stored as typed, "lights" as "light".
      const raw = tokenize(category.name).map((word) => word.toLocaleLowerCase('en'));
      const matches = terms.every((term) =>
        [...words, ...raw].some((word) => word.startsWith(term)),
      );
      if (matches) found.push({ text: category.name, kind: 'category', slug: category.slug });
      if (found.length >= suggestionLimits.categories) break;
    }
    return found;
  }
}
