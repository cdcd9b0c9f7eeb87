import type { CategoryTree } from './category-tree';
import type { FilterGroup } from './filters';
import { mainAttributeNames, type IndexedProduct } from './indexed-product';
import { bucketKeyOf, priceBuckets, priceRangeKey, priceRangeLabel } from './price-buckets';
import type { SearchFilters } from './search-input';
import type { Facet, FacetValue } from './types';

const ratingSteps = [4, 3, 2, 1] as const;
/** Long facets (brands, colours) show their most frequent values, plus any selected one. */
const maxValuesPerFacet = 30;

type Counts = Map<string, Map<string, number>>;

function bump(counts: Counts, facetKey: string, value: string): void {
  let values = counts.get(facetKey);
  if (!values) counts.set(facetKey, (values = new Map()));
  values.set(value, (values.get(value) ?? 0) + 1);
}

function countInto(counts: Counts, facetKey: string | null, product: IndexedProduct): void {
  const all = facetKey === null;
  if (all || facetKey === 'category') {
    for (const slug of product.categories) bump(counts, 'category', slug);
  }
  if (all || facetKey === 'brand') bump(counts, 'brand', product.summary.brand);
  if (all || facetKey === 'price') bump(counts, 'price', bucketKeyOf(product.priceMinor));
  if (all || facetKey === 'rating') {
    for (const step of ratingSteps) {
      if (product.ratingAverage >= step) bump(counts, 'rating', String(step));
    }
  }
  if ((all || facetKey === 'inStock') && product.inStock) bump(counts, 'inStock', 'true');
  for (const name of mainAttributeNames) {
    const key = `attr.${name}`;
    if (!all && facetKey !== key) continue;
    for (const value of product.attributes[name] ?? []) bump(counts, key, value);
  }
}

/**
 * Filters the candidates and counts facets in one pass. Counts are "disjunctive": a facet's own
 * selection does not narrow its counts (choosing Red still shows how many are Blue), while every
 * other filter does. A product failing exactly one filter group is counted only in that group's
 * facet; failing two, nowhere.
 */
export function filterAndCount(
  candidates: Iterable<IndexedProduct>,
  category: string | undefined,
  groups: readonly FilterGroup[],
): { matching: IndexedProduct[]; counts: Counts } {
  const matching: IndexedProduct[] = [];
  const counts: Counts = new Map();
  for (const product of candidates) {
    if (category !== undefined && !product.categories.includes(category)) continue;
    let failedKey: string | null = null;
    let failures = 0;
    for (const group of groups) {
      if (group.passes(product)) continue;
      failures += 1;
      failedKey = group.facetKey;
      if (failures > 1) break;
    }
    if (failures === 0) {
      matching.push(product);
      countInto(counts, null, product);
    } else if (failures === 1) {
      countInto(counts, failedKey, product);
    }
  }
  return { matching, counts };
}

function topValues(
  values: Map<string, number> | undefined,
  selected: ReadonlySet<string>,
  label: (value: string) => string,
): FacetValue[] {
  const entries = [...(values ?? new Map<string, number>())].map(([value, count]) => ({
    value,
    label: label(value),
    count,
    selected: selected.has(value),
  }));
  for (const value of selected) {
    if (!values?.has(value)) entries.push({ value, label: label(value), count: 0, selected: true });
  }
  entries.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en'));
  const shown = entries.slice(0, maxValuesPerFacet);
  for (const entry of entries.slice(maxValuesPerFacet)) if (entry.selected) shown.push(entry);
  return shown;
}

/** The facets to show, in display order; facets without any value are left out. */
export function buildFacets(
  counts: Counts,
  filters: SearchFilters | undefined,
  tree: CategoryTree,
  currency: string,
): Facet[] {
  const facets: Facet[] = [];
  const push = (key: string, label: string, values: FacetValue[]) => {
    if (values.length > 0) facets.push({ key, label, values });
  };

  push(
    'category',
    'Category',
    topValues(
      counts.get('category'),
      new Set(filters?.category ? [filters.category] : []),
      (slug) => tree.nameOf(slug),
    ),
  );
  push(
    'brand',
    'Brand',
    topValues(counts.get('brand'), new Set(filters?.brands ?? []), (brand) => brand),
  );

  const priceCounts = counts.get('price');
  const selectedPrices = new Set(filters?.price ?? []);
  push(
    'price',
    'Price',
    priceBuckets
      .map((range) => {
        const value = priceRangeKey(range);
        return {
          value,
          label: priceRangeLabel(range, currency),
          count: priceCounts?.get(value) ?? 0,
          selected: selectedPrices.has(value),
        };
      })
      .filter((value) => value.count > 0 || value.selected),
  );

  const ratingCounts = counts.get('rating');
  push(
    'rating',
    'Rating',
    ratingSteps
      .map((step) => ({
        value: String(step),
        label: `${step}★ & up`,
        count: ratingCounts?.get(String(step)) ?? 0,
        selected: filters?.ratingAtLeast === step,
      }))
      .filter((value) => value.count > 0 || value.selected),
  );

  const inStockCount = counts.get('inStock')?.get('true') ?? 0;
  if (inStockCount > 0 || filters?.inStock === true) {
    push('inStock', 'Availability', [
      {
        value: 'true',
        label: 'In stock',
        count: inStockCount,
        selected: filters?.inStock === true,
      },
    ]);
  }

  for (const name of mainAttributeNames) {
    const key = `attr.${name}`;
    push(
      key,
      name,
      topValues(counts.get(key), new Set(filters?.attributes?.[name] ?? []), (value) => value),
    );
  }
  return facets;
}
