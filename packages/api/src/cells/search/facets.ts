import type { CategoryTree } from './category-tree';
import type { FilterGroup } from './filters';
import { mainAttributeNames, type IndexedProduct } from './indexed-product';
import { priceBuckets, priceRangeKey, priceRangeLabel } from './price-buckets';
import type { SearchFilters } from './inputs';
import type { Facet, FacetValue } from './views';

const ratingSteps = [4, 3, 2, 1] as const;
/** Long facets (brands, colours) show their most frequent values, plus any selected one. */
const maxValuesPerFacet = 30;

type Counts = Map<string, Map<string, number>>;

function bump(values: Map<string, number>, value: string): void {
  values.set(value, (values.get(value) ?? 0) + 1);
}

/** One counter per facet, resolved once per query so counting a product is one map update. */
class FacetCounters {
  readonly category = new Map<string, number>();
  readonly brand = new Map<string, number>();
  readonly price = new Map<string, number>();
  readonly rating = new Map<string, number>();
  readonly inStock = new Map<string, number>();
  readonly attributes = mainAttributeNames.map(() => new Map<string, number>());

  count(facetKey: string | null, product: IndexedProduct): void {
    const all = facetKey === null;
    if (all || facetKey === 'category') {
      for (const slug of product.categories) bump(this.category, slug);
    }
    if (all || facetKey === 'brand') bump(this.brand, product.summary.brand);
    if (all || facetKey === 'price') bump(this.price, product.priceBucket);
    if (all || facetKey === 'rating') {
      for (const step of ratingSteps) {
        if (product.ratingAverage >= step) bump(this.rating, String(step));
      }
    }
    if ((all || facetKey === 'inStock') && product.inStock) bump(this.inStock, 'true');
    mainAttributeNames.forEach((name, index) => {
      if (!all && facetKey !== attributeFacetKeys[index]) return;
      const values = product.attributes[name];
      if (values) for (const value of values) bump(this.attributes[index]!, value);
    });
  }

  toCounts(): Counts {
    const counts: Counts = new Map([
      ['category', this.category],
      ['brand', this.brand],
      ['price', this.price],
      ['rating', this.rating],
      ['inStock', this.inStock],
    ]);
    attributeFacetKeys.forEach((key, index) => counts.set(key, this.attributes[index]!));
    return counts;
  }
}

const attributeFacetKeys = mainAttributeNames.map((name) => `attr.${name}`);

/**
 * Filters the candidates and counts facets in one pass. Counts are "disjunctive": a facet's own
 * selection does not narrow its counts (choosing Red still shows how many are Blue), while every
 * other filter does. A product failing exactly one filter group is counted only in that group's
 * facet; failing two, nowhere.
 */
export function filterAndCount(
  /** Null entries (removed products' slots) are skipped. */
  candidates: Iterable<IndexedProduct | null>,
  category: string | undefined,
  groups: readonly FilterGroup[],
): { matching: IndexedProduct[]; counts: Counts } {
  const matching: IndexedProduct[] = [];
  const counters = new FacetCounters();
  for (const product of candidates) {
    if (product === null) continue;
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
      counters.count(null, product);
    } else if (failures === 1) {
      counters.count(failedKey, product);
    }
  }
  return { matching, counts: counters.toCounts() };
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
