import type { CollectionSort, ProductModels, ProductStatus } from '@shop/db/product';
import type { LoadedCategory } from './catalog-queries';
import { ruleFilter, rulesOf } from './collection-rules';
import type { StoredCollection } from './views/collections';

type Models = Pick<ProductModels, 'Product'>;

/**
 * The products of a collection, whichever its kind: a manual one's list (in staff's order or
 * sorted), a rule one's matches. Callers choose the statuses (shoppers: active only).
 */

/** Every ordering ends on `_id`, so pages never repeat or skip products that tie. */
export const collectionSortOrders: Record<
  Exclude<CollectionSort, 'manual'>,
  Record<string, 1 | -1>
> = {
  newest: { publishedAt: -1, _id: 1 },
  price_asc: { priceMinMinor: 1, _id: 1 },
  price_desc: { priceMinMinor: -1, _id: 1 },
  name: { name: 1, _id: 1 },
};

/** The products filter of a collection, for the given statuses. */
export function collectionFilter(
  collection: StoredCollection,
  categories: readonly LoadedCategory[],
  statuses: readonly ProductStatus[],
): Record<string, unknown> {
  const status = statuses.length === 1 ? statuses[0] : { $in: [...statuses] };
  if (collection.kind === 'manual') return { status, _id: { $in: collection.productIds } };
  return { status, ...ruleFilter(rulesOf(collection), categories) };
}

/**
 * One page of a collection's products: `select` them with `projection`. A manual collection in
 * staff's order pages its own list (at most 500 ids), keeping only products of the statuses.
 */
export async function collectionProductsPage<T extends { _id: { toString(): string } }>(
  { Product }: Models,
  collection: StoredCollection,
  categories: readonly LoadedCategory[],
  options: {
    statuses: readonly ProductStatus[];
    skip: number;
    limit: number;
    projection: Record<string, 0 | 1>;
  },
): Promise<{ items: T[]; totalCount: number }> {
  const filter = collectionFilter(collection, categories, options.statuses);
  const sort = collection.sort ?? 'newest';
  if (collection.kind === 'manual' && sort === 'manual') {
    const present = await Product.find(filter).select({ _id: 1 }).lean();
    const shown = new Set(present.map((product) => product._id.toString()));
    const ordered = collection.productIds.filter((id) => shown.has(id.toString()));
    const window = ordered.slice(options.skip, options.skip + options.limit);
    // lean() types the whole document; `projection` holds the fields T names.
    const documents = (await Product.find({ _id: { $in: window } })
      .select(options.projection)
      .lean()) as unknown as T[];
    const byId = new Map(documents.map((document) => [document._id.toString(), document]));
    return {
      items: window.flatMap((id) => byId.get(id.toString()) ?? []),
      totalCount: ordered.length,
    };
  }
  const order = collectionSortOrders[sort === 'manual' ? 'newest' : sort];
  const [items, totalCount] = await Promise.all([
    Product.find(filter)
      .select(options.projection)
      .sort(order)
      .skip(options.skip)
      .limit(options.limit)
      .lean() as unknown as Promise<T[]>,
    Product.countDocuments(filter),
  ]);
  return { items, totalCount };
}

/** How many active products shoppers see in the collection now. */
export function countActiveProducts(
  { Product }: Models,
  collection: StoredCollection,
  categories: readonly LoadedCategory[],
): Promise<number> {
  return Product.countDocuments(collectionFilter(collection, categories, ['active']));
}
