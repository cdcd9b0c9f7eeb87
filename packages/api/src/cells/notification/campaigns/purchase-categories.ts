import { cellClient } from '../../../cross-cell/cell-client';
import { catalog } from './catalog';

/**
 * The categories (with their parents) of the products behind these SKUs: the product cell's
 * public `skuDetails` names each SKU's product, its catalogue view the product's categories.
 */
export async function categoriesOfSkus(skus: readonly string[]): Promise<string[]> {
  if (skus.length === 0) return [];
  const { items } = await cellClient().product.skuDetails.query({ skus: [...new Set(skus)] });
  const productIds = [...new Set(items.map((item) => item.productId))];
  const reader = await catalog();
  const [products, categories] = await Promise.all([reader.byIds(productIds), reader.categories()]);
  const ancestors = new Map(categories.map((category) => [category.slug, category.ancestorSlugs]));
  return [
    ...new Set(
      products.flatMap(({ summary }) =>
        summary.categorySlugs.flatMap((slug) => [slug, ...(ancestors.get(slug) ?? [])]),
      ),
    ),
  ];
}
