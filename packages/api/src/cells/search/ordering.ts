import type { IndexedProduct } from './indexed-product';
import type { SearchSort } from './inputs';

export type Compare = (a: IndexedProduct, b: IndexedProduct) => number;

// Ties end on the id, so the same query always pages through the same order.
const byId: Compare = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newestFirst: Compare = (a, b) => b.publishedAt - a.publishedAt || byId(a, b);

/**
 * The order of a sort. Relevance with words is the text index's own order (no comparator
 * needed); without words (browsing a category) it is newest first.
 */
export function comparatorFor(sort: SearchSort): Compare {
  switch (sort) {
    case 'price_asc':
      return (a, b) => a.priceMinor - b.priceMinor || byId(a, b);
    case 'price_desc':
      return (a, b) => b.priceMinor - a.priceMinor || byId(a, b);
    case 'newest':
      return newestFirst;
    case 'rating':
      return (a, b) =>
        b.ratingAverage - a.ratingAverage || b.ratingCount - a.ratingCount || byId(a, b);
    case 'relevance':
      return newestFirst;
  }
}

/**
 * The first `count` items in order, without sorting everything: a category page of 100,000
 * products needs only its first pages sorted. Falls back to a full sort for deep pages.
 */
export function firstInOrder(
  items: readonly IndexedProduct[],
  count: number,
  compare: Compare,
): IndexedProduct[] {
  if (count <= 0) return [];
  if (count * 8 >= items.length) return [...items].sort(compare).slice(0, count);
  const best: IndexedProduct[] = [];
  for (const item of items) {
    if (best.length === count && compare(item, best[count - 1]!) >= 0) continue;
    // Binary search for the insertion point keeps `best` sorted.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(best[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}
