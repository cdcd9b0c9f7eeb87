import { TRPCError } from '@trpc/server';
import type { HandlerArgs } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { loadCategories } from '../catalog-queries';
import { collectionProductsPage } from '../collection-products';
import { productDatabase } from '../database';
import type { CollectionPageInput } from '../inputs/collections';
import { cachedListing } from '../listing-cache';
import { summaryProjection, toProductSummary, type ProductSummary } from '../views';
import type { CollectionLink, CollectionPage } from '../views/collections';

// What shoppers read of collections: a collection's active products, and links to collections.

/** The most links the storefront shows (home page, navigation). */
const maxLinks = 50;

/** A collection's page: its active products in its order, paged; 404 for an unknown handle. */
export function collectionPage({
  input,
}: HandlerArgs<CollectionPageInput>): Promise<CollectionPage> {
  return cachedListing(`collection-page:${JSON.stringify(input)}`, async () => {
    const models = await productDatabase.models();
    const collection = await models.Collection.findOne({ handle: input.handle }).lean();
    if (!collection) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `No collection "${input.handle}"` });
    }
    const { skip, limit } = pageWindow(input.page, input.pageSize);
    const { items, totalCount } = await collectionProductsPage<
      Parameters<typeof toProductSummary>[0]
    >(models, collection, await loadCategories(), {
      statuses: ['active'],
      skip,
      limit,
      projection: summaryProjection,
    });
    return {
      collection: {
        handle: collection.handle,
        title: collection.title,
        description: collection.description ?? '',
      },
      items: items.map((product): ProductSummary => toProductSummary(product)),
      totalCount,
      page: input.page,
      hasMore: skip + items.length < totalCount,
    };
  });
}

/** Every collection's handle and title, by title (the storefront links to them). */
export function collectionLinks(_: HandlerArgs): Promise<{ items: CollectionLink[] }> {
  return cachedListing('collection-links', async () => {
    const { Collection } = await productDatabase.models();
    const collections = await Collection.find({})
      .select({ handle: 1, title: 1 })
      .sort({ title: 1, _id: 1 })
      .limit(maxLinks)
      .lean();
    return {
      items: collections.map((collection) => ({
        handle: collection.handle,
        title: collection.title,
      })),
    };
  });
}
