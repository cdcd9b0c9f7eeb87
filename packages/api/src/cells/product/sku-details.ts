import { z } from 'zod';
import { publicProcedure } from '../../trpc/procedures';
import { productDatabase } from './database';

/** What a cart needs to know about one SKU, fresh from the catalog and inventory. */
export interface SkuDetail {
  sku: string;
  productId: string;
  slug: string;
  name: string;
  /** The variant's option values, e.g. `Blue / M` ('' for products without options). */
  variantLabel: string;
  imageUrl?: string;
  imageAlt?: string;
  priceMinor: number;
  /** The "was" price, only when above `priceMinor`. */
  compareAtMinor?: number;
  currency: string;
  /** False when the product is no longer for sale (draft or archived). */
  purchasable: boolean;
  /** Units that can be bought now, capped at 99 (no one buys more; the real count stays here). */
  available: number;
}

const maxAvailableShown = 99;

const skuDetailsInput = z.strictObject({
  skus: z
    .array(z.string().trim().min(1).max(64).toUpperCase())
    .max(100, { error: 'at most 100 SKUs' }),
});

/**
 * `product.skuDetails`: price, stock and display fields of SKUs, for the order cell's cart and
 * checkout. Public (nothing here is secret; stock counts above 99 are hidden). Unknown SKUs are
 * left out. Two reads: inventory by SKU (which names the product), then those products by id.
 */
export const skuDetailsProcedure = publicProcedure
  .input(skuDetailsInput)
  .query(async ({ input }): Promise<{ items: SkuDetail[] }> => {
    const skus = [...new Set(input.skus)];
    if (skus.length === 0) return { items: [] };
    const { Product, InventoryItem } = await productDatabase.models();
    const stock = await InventoryItem.find({ sku: { $in: skus } })
      .select({ sku: 1, productId: 1, available: 1 })
      .lean();
    const productIds = [...new Set(stock.map((item) => item.productId.toString()))];
    const products = await Product.find({ _id: { $in: productIds } })
      .select({ slug: 1, name: 1, status: 1, currency: 1, variants: 1, images: 1 })
      .lean();
    const productsById = new Map(products.map((product) => [product._id.toString(), product]));

    const items: SkuDetail[] = [];
    for (const item of stock) {
      const product = productsById.get(item.productId.toString());
      const variant = product?.variants.find((candidate) => candidate.sku === item.sku);
      if (!product || !variant) continue;
      const image = product.images[variant.imageIndex] ?? product.images[0];
      const compareAt = variant.compareAtPriceMinor;
      items.push({
        sku: item.sku,
        productId: product._id.toString(),
        slug: product.slug,
        name: product.name,
        variantLabel: variant.optionValues.join(' / '),
        ...(image && { imageUrl: image.url, imageAlt: image.alt }),
        priceMinor: variant.priceMinor,
        ...(compareAt != null && compareAt > variant.priceMinor && { compareAtMinor: compareAt }),
        currency: product.currency,
        purchasable: product.status === 'active',
        available: Math.min(maxAvailableShown, Math.max(0, item.available)),
      });
    }
    return { items };
  });
