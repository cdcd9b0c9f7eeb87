import { TRPCClientError } from '@trpc/client';
import { cellClient } from '../../cross-cell/cell-client';
import { uncategorised, type CategoryStamp } from './category-key';

/** The product cell's slug rule: anything else cannot be a product page (a forged event). */
const productSlug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Answers are reused this long: one rollup run asks for each product once, not once per day. */
const cacheMs = 60_000;
const skusPerCall = 100;
const parallelLookups = 8;

const bySlug = new Map<string, { stamp: CategoryStamp; until: number }>();
const slugBySku = new Map<string, { slug: string | null; until: number }>();

/** Forgets every cached answer (tests that move a product between categories). */
export function forgetCategoryLookups(): void {
  bySlug.clear();
  slugBySku.clear();
}

const notInCatalogue = (error: unknown) =>
  error instanceof TRPCClientError &&
  ['NOT_FOUND', 'BAD_REQUEST'].includes(String((error.data as { code?: unknown })?.code));

async function lookUpSlug(slug: string): Promise<CategoryStamp> {
  if (!productSlug.test(slug)) return uncategorised;
  try {
    const product = await cellClient().product.bySlug.query({ slug });
    // Breadcrumbs run from the root to the product's primary category (its first one).
    const primary = product.breadcrumbs.at(-1);
    return primary ? { slug: primary.slug, name: primary.name } : uncategorised;
  } catch (error) {
    if (notInCatalogue(error)) return uncategorised;
    throw error;
  }
}

/**
 * The primary category of each product page slug, from the product cell's public `bySlug`
 * (archived or unknown products: `uncategorised`). Throws when the product cell does not
 * answer: the caller leaves those facts unstamped for a later run.
 */
export async function categoriesOfSlugs(
  slugs: Iterable<string>,
  nowMs = Date.now(),
): Promise<Map<string, CategoryStamp>> {
  const result = new Map<string, CategoryStamp>();
  const missing: string[] = [];
  for (const slug of new Set(slugs)) {
    const cached = bySlug.get(slug);
    if (cached && cached.until > nowMs) result.set(slug, cached.stamp);
    else missing.push(slug);
  }
  for (let index = 0; index < missing.length; index += parallelLookups) {
    const chunk = missing.slice(index, index + parallelLookups);
    const stamps = await Promise.all(chunk.map(lookUpSlug));
    chunk.forEach((slug, position) => {
      const stamp = stamps[position]!;
      result.set(slug, stamp);
      bySlug.set(slug, { stamp, until: nowMs + cacheMs });
    });
  }
  return result;
}

/**
 * The primary category of the product behind each SKU (the product cell's public `skuDetails`
 * names its product; SKUs it no longer knows: `uncategorised`). Throws like `categoriesOfSlugs`.
 */
export async function categoriesOfSkus(
  skus: Iterable<string>,
  nowMs = Date.now(),
): Promise<Map<string, CategoryStamp>> {
  const unique = [...new Set(skus)];
  const missing = unique.filter((sku) => (slugBySku.get(sku)?.until ?? 0) <= nowMs);
  for (let index = 0; index < missing.length; index += skusPerCall) {
    const chunk = missing.slice(index, index + skusPerCall);
    const { items } = await cellClient().product.skuDetails.query({ skus: chunk });
    const found = new Map(items.map((item) => [item.sku, item.slug]));
    for (const sku of chunk) {
      // skuDetails upper-cases what it is asked; order lines carry the SKU as the cell gave it.
      const slug = found.get(sku) ?? found.get(sku.toUpperCase()) ?? null;
      slugBySku.set(sku, { slug, until: nowMs + cacheMs });
    }
  }
  const slugOf = new Map(unique.map((sku) => [sku, slugBySku.get(sku)?.slug ?? null]));
  const stamps = await categoriesOfSlugs(
    [...slugOf.values()].filter((slug): slug is string => slug !== null),
    nowMs,
  );
  return new Map(
    unique.map((sku) => {
      const slug = slugOf.get(sku);
      return [sku, (slug && stamps.get(slug)) || uncategorised];
    }),
  );
}
