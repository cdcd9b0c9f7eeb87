import type { ProductSummary } from '../product/types';

/**
 * Case-insensitive substring match on name and brand. Plain string comparison: the shopper's
 * text is never turned into a regular expression or a database operator.
 */
export function matchesQuery(product: Pick<ProductSummary, 'name' | 'brand'>, query: string) {
  const needle = query.toLocaleLowerCase('en');
  return (
    product.name.toLocaleLowerCase('en').includes(needle) ||
    product.brand.toLocaleLowerCase('en').includes(needle)
  );
}
