import type { ProductSummary } from '../product/public';
import type { RuleSet } from './rule-set';

// What the search cell answers with: the storefront renders these as they are.

export interface FacetValue {
  value: string;
  /** Human label (category name, "€25 – €50"); equals `value` where there is no better one. */
  label: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  /** `category`, `brand`, `price`, `rating`, `inStock`, or `attr.<Name>` (e.g. `attr.Colour`). */
  key: string;
  label: string;
  values: FacetValue[];
}

export interface SearchResults {
  results: ProductSummary[];
  totalCount: number;
  page: number;
  hasMore: boolean;
  facets: Facet[];
  /**
   * The words actually searched for when the whole query found nothing and words were dropped
   * ("coffee mug" -> "mug"), for "showing results for"; null when every word was used.
   */
  queryUsed: string | null;
  /** A corrected query that finds many more products than this one (or any, if this finds none). */
  didYouMean: string | null;
  /**
   * Where a merchandising redirect sends this query (`/help/returns`), else null. When set, the
   * storefront navigates there and the answer holds no results.
   */
  redirect: string | null;
}

export type { BoostRule, QueryPinsRule, RedirectRule, RuleSet, SynonymRule } from './rule-set';

/** What `search.merchandising` answers: every rule and the version replicas compare. */
export interface MerchandisingView {
  version: number;
  rules: RuleSet;
}

export interface Suggestion {
  /** What to show and, for `query`, what to search for. */
  text: string;
  kind: 'query' | 'product' | 'category';
  /** For `product` and `category`: where to go. */
  slug?: string;
}

/** The answer to a redirected query: no results, only where to go. */
export function redirectAnswer(page: number, redirect: string): SearchResults {
  return {
    results: [],
    totalCount: 0,
    page,
    hasMore: false,
    facets: [],
    queryUsed: null,
    didYouMean: null,
    redirect,
  };
}
