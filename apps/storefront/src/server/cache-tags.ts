/**
 * The cache tags of catalogue data. The product cell's `revalidate-storefront` function
 * (packages/api/src/cells/product/functions/revalidate-storefront.ts) posts these same strings to
 * `/api/revalidate` when a product or category changes: keep the two in step.
 */
export const cacheTags = {
  product: (slug: string) => `product:${slug}`,
  category: (slug: string) => `category:${slug}`,
  /** A staff-made collection's page (`/collections/<handle>`). */
  collection: (handle: string) => `collection:${handle}`,
  /** The links to collections (home page). */
  collections: 'collections',
  /** The category tree (header, home tiles, sitemap). */
  categories: 'categories',
  /** Every list of products: collections, category listings, search answers, sitemap. */
  listings: 'listings',
} as const;

/** A tag the revalidation endpoint accepts: one of the shapes above. */
export const cacheTagPattern =
  /^(?:categories|collections|listings|(?:product|category|collection):[a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Seconds before cached catalogue data is refreshed even without an event: the safety net when a
 * revalidation is lost (the storefront was down, the event failed).
 */
export const catalogueRevalidateSeconds = 60;
