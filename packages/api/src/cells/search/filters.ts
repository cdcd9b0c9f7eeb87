import type { IndexedProduct, MainAttributeName } from './indexed-product';
import { inPriceRange, parsePriceRange, type PriceRange } from './price-buckets';
import type { SearchFilters } from './inputs';

/** One facet's filter: the facet key it belongs to and whether a product passes it. */
export interface FilterGroup {
  facetKey: string;
  passes(product: IndexedProduct): boolean;
}

/**
 * The filters other than category, one group per facet. Values within a group are OR-ed (Red or
 * Blue), groups are AND-ed. Category is handled apart: it narrows everything, its own facet too.
 */
export function filterGroupsOf(filters: SearchFilters | undefined): FilterGroup[] {
  if (!filters) return [];
  const groups: FilterGroup[] = [];
  if (filters.brands?.length) {
    const brands = new Set(filters.brands);
    groups.push({ facetKey: 'brand', passes: (product) => brands.has(product.summary.brand) });
  }
  if (filters.price?.length) {
    const ranges = filters.price
      .map(parsePriceRange)
      .filter((range): range is PriceRange => typeof range !== 'string');
    groups.push({
      facetKey: 'price',
      passes: (product) => ranges.some((range) => inPriceRange(product.priceMinor, range)),
    });
  }
  if (filters.ratingAtLeast !== undefined) {
    const atLeast = filters.ratingAtLeast;
    groups.push({ facetKey: 'rating', passes: (product) => product.ratingAverage >= atLeast });
  }
  if (filters.inStock === true) {
    groups.push({ facetKey: 'inStock', passes: (product) => product.inStock });
  }
  for (const [name, values] of Object.entries(filters.attributes ?? {})) {
    if (!values?.length) continue;
    const wanted = new Set(values);
    const attribute = name as MainAttributeName;
    groups.push({
      facetKey: `attr.${attribute}`,
      passes: (product) =>
        product.attributes[attribute]?.some((value) => wanted.has(value)) ?? false,
    });
  }
  return groups;
}
