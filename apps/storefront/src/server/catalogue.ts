import 'server-only';
import { callCell, type CellFailure, type CellResult, type RouterInputs } from '@shop/api/client';
import { rootLogger } from '@shop/api/observability';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { cacheTags, catalogueRevalidateSeconds } from './cache-tags';
import { callCell as callCellForRequest } from './cell-call';
import { cells } from './cells';
import { publicCells } from './public-cells';

type PublicCells = ReturnType<typeof publicCells>;

/** Thrown inside a cache scope so that an outage is never cached; caught just outside it. */
class CellUnavailable extends Error {
  constructor(readonly failure: Exclude<CellFailure, 'not-found'>) {
    super(`cell call failed: ${failure}`);
  }
}

/**
 * One catalogue read cached across requests and shoppers under `tags` (see cache-tags.ts), so a
 * busy page asks the cell once per revalidation rather than once per view. Answers and
 * not-found are cached (a product created later revalidates its own tag); outages are not.
 */
async function cachedRead<T>(
  key: string[],
  tags: string[],
  read: (client: PublicCells, signal: AbortSignal) => Promise<T>,
): Promise<CellResult<T>> {
  const cached = unstable_cache(
    async (): Promise<CellResult<T>> => {
      const result = await callCell(({ signal }) => read(publicCells(), signal), {
        onFailure: (failure, error) => {
          rootLogger.warn(
            {
              failure,
              read: key.join(' '),
              error: error instanceof Error ? error.message : String(error),
            },
            'cell call failed',
          );
        },
      });
      if (!result.ok && result.failure !== 'not-found') throw new CellUnavailable(result.failure);
      return result;
    },
    ['catalogue', ...key],
    { tags, revalidate: catalogueRevalidateSeconds },
  );
  try {
    return await cached();
  } catch (error) {
    if (error instanceof CellUnavailable) return { ok: false, failure: error.failure };
    throw error;
  }
}

// `cache` on top: a page and its generateMetadata share one read per request.

export const getProduct = cache((slug: string) =>
  cachedRead(['product', slug], [cacheTags.product(slug)], (client, signal) =>
    client.product.bySlug.query({ slug }, { signal }),
  ),
);

export const getCategoryTree = cache(() =>
  cachedRead(['category-tree'], [cacheTags.categories], (client, signal) =>
    client.product.categoryTree.query(undefined, { signal }),
  ),
);

export const getCategory = cache((slug: string) =>
  cachedRead(
    ['category', slug],
    [cacheTags.category(slug), cacheTags.categories],
    (client, signal) => client.product.categoryBySlug.query({ slug }, { signal }),
  ),
);

export type CollectionSlug = RouterInputs['product']['collection']['slug'];

export const getCollection = cache((slug: CollectionSlug, limit: number) =>
  cachedRead(['collection', slug, String(limit)], [cacheTags.listings], (client, signal) =>
    client.product.collection.query({ slug, limit }, { signal }),
  ),
);

/**
 * A staff-made collection's page of active products. Its own tag expires it when staff change
 * the collection; `listings` when any product changes (a rule may now match it, or not).
 */
export const getCollectionPage = cache((handle: string, page: number, pageSize: number) =>
  cachedRead(
    ['collection-page', handle, String(page), String(pageSize)],
    [cacheTags.collection(handle), cacheTags.listings],
    (client, signal) => client.product.collectionPage.query({ handle, page, pageSize }, { signal }),
  ),
);

/** Links to every staff-made collection (home page). */
export const getCollectionLinks = cache(() =>
  cachedRead(['collection-links'], [cacheTags.collections], (client, signal) =>
    client.product.collectionLinks.query(undefined, { signal }),
  ),
);

export const listProducts = cache((page: number, pageSize: number, categorySlug?: string) =>
  cachedRead(
    ['list', String(page), String(pageSize), categorySlug ?? ''],
    [cacheTags.listings, ...(categorySlug ? [cacheTags.category(categorySlug)] : [])],
    (client, signal) => client.product.list.query({ page, pageSize, categorySlug }, { signal }),
  ),
);

export type SearchInput = RouterInputs['search']['query'];

/**
 * A category's listing through the search cell (empty query + category filter, for facets).
 * Cached: the URL's filters are a small, bounded set of combinations per category.
 */
export const browseCategory = cache((input: SearchInput & { filters: { category: string } }) =>
  cachedRead(
    ['browse', JSON.stringify(input)],
    [cacheTags.listings, cacheTags.category(input.filters.category)],
    (client, signal) => client.search.query.query(input, { signal }),
  ),
);

/**
 * A shopper's free-text search: not cached (queries are unbounded, and each one is recorded for
 * analytics by the search cell), and carries the page's request id.
 */
export const searchCatalogue = cache((input: SearchInput) =>
  callCellForRequest(({ signal }) => cells().search.query.query(input, { signal })),
);

export const getSitemapEntries = cache((page: number) =>
  cachedRead(['sitemap', String(page)], [cacheTags.listings], (client, signal) =>
    client.product.sitemapEntries.query({ page }, { signal }),
  ),
);

/** Slugs are lowercase words and hyphens; anything else cannot name a product or category. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 120;
}
