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
  /** Read the database even if an answer under a second old is at hand (checkout does). */
  fresh: z.boolean().optional(),
});

/**
 * Recent answers per SKU (`null`: no such SKU), shared by concurrent callers. Carts re-price on
 * every read and change, and on the in-memory fallback each read is two full scans; a second of
 * staleness in a cart is harmless because checkout asks with `fresh` and the saga's reservation
 * is the real check. `PRODUCT_SKU_DETAILS_CACHE_MS` (default 1000; 0 turns it off).
 */
const cache = new Map<string, { expiresAt: number; detail: Promise<SkuDetail | null> }>();
const maxCachedSkus = 20_000;

function cacheMs(): number {
  const configured = Number(process.env.PRODUCT_SKU_DETAILS_CACHE_MS ?? 1000);
  return Number.isFinite(configured) && configured >= 0 ? configured : 1000;
}

/**
 * `product.skuDetails`: price, stock and display fields of SKUs, for the order cell's cart and
 * checkout. Public (nothing here is secret; stock counts above 99 are hidden). Unknown SKUs are
 * left out.
 */
export const skuDetailsProcedure = publicProcedure
  .input(skuDetailsInput)
  .query(async ({ input }): Promise<{ items: SkuDetail[] }> => {
    const skus = [...new Set(input.skus)];
    const ttl = input.fresh ? 0 : cacheMs();
    const now = Date.now();
    const answers = new Map<string, Promise<SkuDetail | null>>();
    const missing: string[] = [];
    for (const sku of skus) {
      const hit = ttl > 0 ? cache.get(sku) : undefined;
      if (hit && hit.expiresAt > now) answers.set(sku, hit.detail);
      else missing.push(sku);
    }
    if (missing.length > 0) {
      const loading = loadSkuDetails(missing);
      if (ttl > 0 && cache.size + missing.length > maxCachedSkus) cache.clear();
      for (const sku of missing) {
        const detail = loading.then((found) => found.get(sku) ?? null);
        answers.set(sku, detail);
        if (ttl > 0) cache.set(sku, { expiresAt: now + ttl, detail });
      }
      // A failed read is not remembered.
      loading.catch(() => {
        for (const sku of missing) if (cache.get(sku)?.expiresAt === now + ttl) cache.delete(sku);
      });
    }
    const details = await Promise.all(skus.map((sku) => answers.get(sku)));
    return { items: details.filter((detail): detail is SkuDetail => detail != null) };
  });

/** Two reads: inventory by SKU (which names the product), then those products by id. */
async function loadSkuDetails(skus: readonly string[]): Promise<Map<string, SkuDetail>> {
  const { Product, InventoryItem } = await productDatabase.models();
  const stock = await InventoryItem.find({ sku: { $in: skus } })
    .select({ sku: 1, productId: 1, available: 1 })
    .lean();
  const productIds = [...new Set(stock.map((item) => item.productId.toString()))];
  const products =
    productIds.length === 0
      ? []
      : await Product.find({ _id: { $in: productIds } })
          .select({ slug: 1, name: 1, status: 1, currency: 1, variants: 1, images: 1 })
          .lean();
  const productsById = new Map(products.map((product) => [product._id.toString(), product]));

  const found = new Map<string, SkuDetail>();
  for (const item of stock) {
    const product = productsById.get(item.productId.toString());
    const variant = product?.variants.find((candidate) => candidate.sku === item.sku);
    if (!product || !variant) continue;
    const image = product.images[variant.imageIndex] ?? product.images[0];
    const compareAt = variant.compareAtPriceMinor;
    found.set(item.sku, {
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
  return found;
}
