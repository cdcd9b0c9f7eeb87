import { connectDomainDatabase, pingDatabase } from '@shop/db';
import { categoryModel, productModel } from '@shop/db/product';
import mongoose from 'mongoose';
import type { CategoryNodeInfo } from './category-tree';
import { indexedProductFields, versionOf, type StoredProduct } from './indexed-product';

/**
 * What the search cell reads from products_db, read-only (DESIGN.md: "search | reads
 * products_db"). Every read is a projection of the fields the index needs, streamed with a
 * cursor so 100,000 products never sit in memory twice.
 */
export interface CatalogSource {
  /** The database's name, for readiness reports and logs. */
  readonly name: string;
  /** False once the host closed the connection: the sync stops instead of reopening it. */
  isOpen(): boolean;
  ping(): Promise<void>;
  categories(): Promise<CategoryNodeInfo[]>;
  activeProducts(): AsyncIterable<StoredProduct>;
  /** Products of any status whose `updatedAt` is at or after `since` (uses the updatedAt index). */
  changedSince(since: Date): AsyncIterable<StoredProduct>;
  /** Id and version of every active product, for reconciliation. */
  activeVersions(): AsyncIterable<{ id: string; version: number }>;
  byIds(ids: readonly string[]): Promise<StoredProduct[]>;
}

const cursorBatchSize = 500;

export async function openCatalogSource(): Promise<CatalogSource> {
  const connection = await connectDomainDatabase('product');
  const Product = productModel(connection);
  const Category = categoryModel(connection);
  const products = (filter: Record<string, unknown>) =>
    Product.find(filter, indexedProductFields)
      .lean<StoredProduct[]>()
      .cursor({ batchSize: cursorBatchSize });

  return {
    name: connection.name,
    isOpen: () => connection.readyState === mongoose.ConnectionStates.connected,
    ping: () => pingDatabase(connection),
    categories: async () => {
      const rows = await Category.find(
        {},
        { slug: 1, name: 1, parentSlug: 1, ancestorSlugs: 1, updatedAt: 1 },
      ).lean();
      return rows.map((row) => ({
        slug: row.slug,
        name: row.name,
        parentSlug: row.parentSlug ?? null,
        ancestorSlugs: [...(row.ancestorSlugs ?? [])],
        version: row.updatedAt ? row.updatedAt.getTime() : 0,
      }));
    },
    activeProducts: () => products({ status: 'active' }),
    changedSince: (since) => products({ updatedAt: { $gte: since } }),
    activeVersions: async function* () {
      const cursor = Product.find({ status: 'active' }, { _id: 1, updatedAt: 1 })
        .lean<{ _id: mongoose.Types.ObjectId; updatedAt?: Date }[]>()
        .cursor({ batchSize: 2_000 });
      for await (const row of cursor) yield { id: row._id.toString(), version: versionOf(row) };
    },
    byIds: (ids) =>
      Product.find({ _id: { $in: ids } }, indexedProductFields).lean<StoredProduct[]>(),
  };
}
