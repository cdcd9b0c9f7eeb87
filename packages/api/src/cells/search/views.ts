import type { ProductSummary } from '../product/public';

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
}

export interface Suggestion {
  /** What to show and, for `query`, what to search for. */
  text: string;
  kind: 'query' | 'product' | 'category';
  /** For `product` and `category`: where to go. */
  slug?: string;
}
