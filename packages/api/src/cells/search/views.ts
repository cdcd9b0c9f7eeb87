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
  /** A corrected query when this one found nothing and a close one would. */
  didYouMean: string | null;
}

export interface Suggestion {
  /** What to show and, for `query`, what to search for. */
  text: string;
  kind: 'query' | 'product' | 'category';
  /** For `product` and `category`: where to go. */
  slug?: string;
}
