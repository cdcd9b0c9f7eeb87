import { connectDomainDatabase, pingDatabase } from '@shop/db';
import { categoryModel, productModel } from '@shop/db/product';
import mongoose from 'mongoose';
import { productDatabase } from './database';
import {
  catalogProductProjection,
  catalogVersionOf,
  toCatalogProduct,
  type CatalogCategory,
  type CatalogProduct,
  type CatalogProductFields,
} from './views';

/**
 * What other cells may use of the product cell at run time: a read-only view of the catalogue,
 * for cells that keep their own copy of it (the search cell's index). Readers get the product
 * cell's shapes (`CatalogProduct`, whose `summary` is the shoppers' `ProductSummary`), never its
 * documents, so how products are stored can change without breaking them. Writes go through the
 * product cell's procedures only.
 */
export type { CatalogCategory, CatalogProduct } from './views';
export type { ProductSummary } from './views';

/** A product's id and version: enough to tell whether a copy of it is current. */
export interface CatalogVersion {
  id: string;
  version: number;
}

/**
 * One connection's read-only view of the catalogue. Streams use a database cursor, so a catalogue
 * of 100,000 products is never held in memory at once.
 */
export interface CatalogReader {
  /** The database's name, for readiness reports and logs. */
  readonly name: string;
  /** False once the host closed the connection: a reader's owner stops rather than reopen it. */
  isOpen(): boolean;
  ping(): Promise<void>;
  /** Every category (tens, not thousands). */
  categories(): Promise<CatalogCategory[]>;
  /** Every product shown to shoppers (`listed`), for a full build. */
  listedProducts(): AsyncIterable<CatalogProduct>;
  /**
   * Products of any status written at or after `since` (drafts and archived ones come with
   * `listed: false`, so a copy can drop them), for an incremental sync.
   */
  changedSince(since: Date): AsyncIterable<CatalogProduct>;
  /** Id and version of every listed product, to find what a copy has missed or kept too long. */
  listedVersions(): AsyncIterable<CatalogVersion>;
  /** These products in any status (unknown ids are left out). */
  byIds(ids: readonly string[]): Promise<CatalogProduct[]>;
}

const cursorBatchSize = 500;
const versionBatchSize = 2_000;

/** Opens products_db (shared with the product cell's own connection) for reading. */
export async function openCatalogReader(): Promise<CatalogReader> {
  const connection = await connectDomainDatabase('product');
  const Product = productModel(connection);
  const Category = categoryModel(connection);
  async function* products(filter: Record<string, unknown>): AsyncIterable<CatalogProduct> {
    const cursor = Product.find(filter, catalogProductProjection)
      .lean<CatalogProductFields[]>()
      .cursor({ batchSize: cursorBatchSize });
    for await (const product of cursor) yield toCatalogProduct(product);
  }

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
        version: catalogVersionOf(row),
      }));
    },
    listedProducts: () => products({ status: 'active' }),
    // Uses the updatedAt index.
    changedSince: (since) => products({ updatedAt: { $gte: since } }),
    listedVersions: async function* () {
      const cursor = Product.find({ status: 'active' }, { _id: 1, updatedAt: 1 })
        .lean<{ _id: mongoose.Types.ObjectId; updatedAt?: Date }[]>()
        .cursor({ batchSize: versionBatchSize });
      for await (const row of cursor) {
        yield { id: row._id.toString(), version: catalogVersionOf(row) };
      }
    },
    byIds: async (ids) => {
      const rows = await Product.find({ _id: { $in: ids } }, catalogProductProjection).lean<
        CatalogProductFields[]
      >();
      return rows.map(toCatalogProduct);
    },
  };
}

/**
 * products_db as a dependency of another cell's readiness: its name, and a ping that connects
 * first if need be (so `/readyz` reports a database that is away, rather than throwing).
 */
export const catalogDatabase: { readonly name: string; ping(): Promise<void> } = {
  get name() {
    return productDatabase.database.name;
  },
  ping: () => productDatabase.database.ping(),
};
