import { hostConfig } from '../../config/host';
import { productDatabase } from './database';
import type { SkuDetail } from './views';

const maxAvailableShown = 99;

/**
 * Recent answers per SKU (`null`: no such SKU), shared by concurrent callers that accept a second
 * of staleness (the notification cell's product cards); on the in-memory fallback each read is
 * two full scans. The order cell's cart projection and checkout ask with `fresh`.
 * `PRODUCT_SKU_DETAILS_CACHE_MS` (default 1000; 0 turns it off).
 */
const cache = new Map<string, { expiresAt: number; detail: Promise<SkuDetail | null> }>();
const maxCachedSkus = 20_000;

function cacheMs(): number {
  const configured = hostConfig().PRODUCT_SKU_DETAILS_CACHE_MS;
  return Number.isFinite(configured) && configured >= 0 ? configured : 1000;
}

/**
 * Price, stock and display fields of SKUs (unknown SKUs are left out), from the cache above
 * unless `fresh`. Concurrent callers asking for the same SKU share one read.
 */
export async function cachedSkuDetails(
  requested: readonly string[],
  fresh = false,
): Promise<SkuDetail[]> {
  const skus = [...new Set(requested)];
  const ttl = fresh ? 0 : cacheMs();
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
  return details.filter((detail): detail is SkuDetail => detail != null);
}

/** Two reads: inventory by SKU (which names the product), then those products by id. */
async function loadSkuDetails(skus: readonly string[]): Promise<Map<string, SkuDetail>> {
  const { Product, InventoryItem } = await productDatabase.models();
  const stock = await InventoryItem.find({ sku: { $in: skus } })
    .select({ sku: 1, productId: 1, available: 1, updatedAt: 1 })
    .lean();
  const productIds = [...new Set(stock.map((item) => item.productId.toString()))];
  const products =
    productIds.length === 0
      ? []
      : await Product.find({ _id: { $in: productIds } })
          .select({
            slug: 1,
            name: 1,
            status: 1,
            currency: 1,
            taxClass: 1,
            variants: 1,
            images: 1,
            updatedAt: 1,
          })
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
      taxClass: product.taxClass ?? 'standard',
      purchasable: product.status === 'active',
      available: Math.min(maxAvailableShown, Math.max(0, item.available)),
      changedAtMs: Math.max(timeOf(product.updatedAt), timeOf(item.updatedAt)),
    });
  }
  return found;
}

function timeOf(date: Date | undefined): number {
  return date ? date.getTime() : 0;
}
