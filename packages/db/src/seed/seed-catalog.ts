import { type Connection, Types } from 'mongoose';
import { type ProductModels } from '../product';
import { type GeneratedCatalog } from './catalog/catalog-types';
import { catalogGeneratorVersion } from './catalog/generate-catalog';
import { generatedIdRange } from './catalog/generated-id';

/** Where the seed records which catalog it wrote (one document in the product database). */
const seedStateCollection = 'seedstates';
// Matched by `key`, not `_id`: the in-memory fallback cannot upsert a document with a string _id.
const catalogStateKey = 'catalog';
/** Large enough to keep round trips few, small enough to keep each insert message modest. */
const insertBatchSize = 1000;

export interface CatalogFingerprint {
  generatorVersion: number;
  seed: number;
  productCount: number;
}

export type CatalogSeedOutcome = 'unchanged' | 'written';

/**
 * Writes the generated catalog with bulk inserts. Idempotent without per-document upserts (which
 * are full scans each on the in-memory fallback): a fingerprint document records which generator,
 * seed and size was written; when it matches and the generated products are all still there,
 * nothing is written. Otherwise every generated document (recognisable by its id range) is deleted
 * and the catalog inserted afresh; categories and products staff created keep their own ids and are
 * never touched.
 */
export async function seedCatalog(
  { Category, Product, InventoryItem }: ProductModels,
  generated: GeneratedCatalog,
  fingerprint: Omit<CatalogFingerprint, 'generatorVersion'>,
): Promise<CatalogSeedOutcome> {
  const connection: Connection = Product.db;
  const state = connection.collection<{ key: string } & CatalogFingerprint>(seedStateCollection);
  const wanted: CatalogFingerprint = { generatorVersion: catalogGeneratorVersion, ...fingerprint };
  const products = idRange('product');
  const categories = idRange('category');

  await removeLegacyCatalog(Category, Product);
  const catalog = withoutStaffCollisions(generated, await staffCreatedKeys(Category, Product));

  const recorded = await state.findOne({ key: catalogStateKey });
  if (
    recorded &&
    recorded.generatorVersion === wanted.generatorVersion &&
    recorded.seed === wanted.seed &&
    recorded.productCount === wanted.productCount &&
    (await Product.countDocuments({ _id: products })) === catalog.products.length &&
    (await Category.countDocuments({ _id: categories })) === catalog.categories.length
  ) {
    return 'unchanged';
  }

  // Forget the old fingerprint first: a seed that dies half way is redone on the next run.
  await state.deleteMany({ key: catalogStateKey });
  await Promise.all([
    Product.deleteMany({ _id: products }),
    Category.deleteMany({ _id: categories }),
    InventoryItem.deleteMany({ productId: products }),
  ]);
  const now = new Date();
  const stored = { createdAt: now, updatedAt: now, __v: 0 };
  await insertInBatches(
    Category.collection,
    catalog.categories.map((category) => ({
      ...category,
      ...stored,
      _id: new Types.ObjectId(category._id),
    })),
  );
  await insertInBatches(
    Product.collection,
    catalog.products.map((product) => ({
      ...product,
      ...stored,
      _id: new Types.ObjectId(product._id),
    })),
  );
  await insertInBatches(
    InventoryItem.collection,
    catalog.inventory.map((item) => ({
      ...item,
      ...stored,
      productId: new Types.ObjectId(item.productId),
    })),
  );
  await state.insertOne({ key: catalogStateKey, ...wanted });
  return 'written';
}

/**
 * Databases seeded before products had variants (`.data/mongo` of an older checkout) hold the old
 * 48-product demo catalog under ordinary ids: without this it would pass for staff work, break
 * every listing (no variants) and shadow the generated categories of the same slugs.
 */
async function removeLegacyCatalog(
  Category: ProductModels['Category'],
  Product: ProductModels['Product'],
): Promise<void> {
  await Product.deleteMany({ variants: { $exists: false } });
  await Category.deleteMany({ ancestorSlugs: { $exists: false } });
}

/** Slugs and SKUs staff created (ids outside the generated ranges). */
async function staffCreatedKeys(
  Category: ProductModels['Category'],
  Product: ProductModels['Product'],
): Promise<{ categorySlugs: Set<string>; slugs: Set<string>; skus: Set<string> }> {
  const outside = (kind: 'product' | 'category') => {
    const { $gte, $lte } = idRange(kind);
    return { $or: [{ _id: { $lt: $gte } }, { _id: { $gt: $lte } }] };
  };
  const [staffCategories, staffProducts] = await Promise.all([
    Category.find(outside('category')).select({ slug: 1 }).lean(),
    Product.find(outside('product')).select({ slug: 1, variants: 1 }).lean(),
  ]);
  return {
    categorySlugs: new Set(staffCategories.map((category) => category.slug)),
    slugs: new Set(staffProducts.map((product) => product.slug)),
    skus: new Set(staffProducts.flatMap((product) => product.variants.map((v) => v.sku))),
  };
}

/**
 * A generated category, or product, whose slug or SKU something staff created already uses is
 * left out, so the unique indexes of a real MongoDB never fail the seed and staff work wins.
 */
function withoutStaffCollisions(
  catalog: GeneratedCatalog,
  staff: { categorySlugs: Set<string>; slugs: Set<string>; skus: Set<string> },
): GeneratedCatalog {
  if (staff.categorySlugs.size === 0 && staff.slugs.size === 0 && staff.skus.size === 0) {
    return catalog;
  }
  const products = catalog.products.filter(
    (product) =>
      !staff.slugs.has(product.slug) &&
      !product.variants.some((variant) => staff.skus.has(variant.sku)),
  );
  const kept = new Set(products.map((product) => product._id));
  return {
    categories: catalog.categories.filter((category) => !staff.categorySlugs.has(category.slug)),
    products,
    inventory: catalog.inventory.filter((item) => kept.has(item.productId)),
  };
}

function idRange(kind: 'product' | 'category') {
  const { min, max } = generatedIdRange(kind);
  return { $gte: min, $lte: max };
}

/**
 * Straight to the driver: building a mongoose document per row costs about 0.7 ms each (over 5 s
 * for the default catalog), while the generator already emits what the schemas store (upper-case
 * SKUs, whole cents, valid slugs); catalog-generator.test.ts checks every generated document
 * against the schemas instead.
 */
async function insertInBatches<T extends object>(
  collection: { insertMany(documents: T[], options: { ordered: boolean }): Promise<unknown> },
  documents: T[],
): Promise<void> {
  for (let start = 0; start < documents.length; start += insertBatchSize) {
    await collection.insertMany(documents.slice(start, start + insertBatchSize), { ordered: true });
  }
}
