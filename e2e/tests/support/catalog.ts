import type { APIRequestContext } from '@playwright/test';
import { queryCell } from './cell';

/** The slices of the product and search cells' answers the browse tests compare pages with. */
export interface Variant {
  sku: string;
  optionValues: string[];
  priceMinor: number;
  imageIndex: number;
  stock: 'in_stock' | 'low_stock' | 'out_of_stock';
}

export interface ProductDetail {
  slug: string;
  name: string;
  options: { name: string; values: string[] }[];
  variants: Variant[];
  images: { url: string; alt: string }[];
}

export interface CategoryNode {
  slug: string;
  name: string;
  children: CategoryNode[];
}

export interface SearchAnswer {
  results: { slug: string; name: string; brand: string }[];
  totalCount: number;
  facets: { key: string; values: { value: string; label: string; count: number }[] }[];
}

export interface VariantSwitch {
  product: ProductDetail;
  from: Variant;
  to: Variant;
  /** The option whose value differs between the two variants. */
  option: string;
}

/**
 * A product page where choosing one other option value changes the price, the image and the
 * stock state at once (found in the seeded catalogue through the cells, not hard-coded).
 */
export async function findVariantSwitch(
  request: APIRequestContext,
  categorySlugs: string[],
): Promise<VariantSwitch> {
  let fallback: VariantSwitch | undefined;
  for (const category of categorySlugs) {
    const listing = await queryCell<SearchAnswer>(request, 'search.query', {
      filters: { category },
      pageSize: 48,
    });
    for (const summary of listing.results) {
      const product = await queryCell<ProductDetail>(request, 'product.bySlug', {
        slug: summary.slug,
      });
      for (const from of product.variants) {
        for (const to of product.variants) {
          const differing = from.optionValues.flatMap((value, index) =>
            value === to.optionValues[index] ? [] : [index],
          );
          if (differing.length !== 1 || from.stock === to.stock) continue;
          const found = { product, from, to, option: product.options[differing[0]!]!.name };
          const imageChanges =
            product.images[from.imageIndex]?.url !== product.images[to.imageIndex]?.url;
          if (from.priceMinor !== to.priceMinor && imageChanges) return found;
          fallback ??= from.priceMinor !== to.priceMinor || imageChanges ? found : undefined;
        }
      }
    }
    if (fallback) return fallback;
  }
  throw new Error('no product in the catalogue has variants that differ in stock and price');
}

/**
 * The first top category that has products, with the search cell's answer for it (its own
 * products, facets and count). Specs that ran earlier may have added empty top categories
 * (admin.audit-categories makes one that sorts first), so the tree's first is not always stocked.
 */
export async function firstStockedCategory(
  request: APIRequestContext,
): Promise<{ category: CategoryNode; answer: SearchAnswer }> {
  const tree = await queryCell<{ items: CategoryNode[] }>(request, 'product.categoryTree');
  for (const category of tree.items) {
    const answer = await queryCell<SearchAnswer>(request, 'search.query', {
      filters: { category: category.slug },
    });
    if (answer.totalCount > 0) return { category, answer };
  }
  throw new Error('no top category has products');
}
