import { isDuplicateKeyError } from '@shop/db/claims';
import type { ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { loadCategories } from './catalog-queries';
import { rulesOf } from './collection-rules';
import { maxManualProducts, type CollectionFields } from './inputs/collections';
import type { StoredCollection } from './views/collections';

type Models = Pick<ProductModels, 'Collection' | 'Product'>;

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });
const notFound = (message: string) => new TRPCError({ code: 'NOT_FOUND', message });

/** The stored fields of a save, conditions in their stored shape. */
function storedFields(fields: CollectionFields) {
  return {
    handle: fields.handle,
    title: fields.title,
    description: fields.description,
    kind: fields.kind,
    productIds: fields.productIds.map((id) => new Types.ObjectId(id)),
    match: fields.match,
    conditions: fields.conditions.map((condition) =>
      condition.field === 'price'
        ? {
            field: condition.field,
            operator: condition.operator,
            amountMinor: condition.amountMinor,
          }
        : { field: condition.field, operator: condition.operator, value: condition.value },
    ),
    sort: fields.sort,
  };
}

interface Comparable {
  handle: string;
  title: string;
  description: string;
  kind: string;
  productIds: string[];
  match: string;
  conditions: unknown[];
  sort: string;
}
/** One text per content, keys in a fixed order. */
const canonical = (c: Comparable) =>
  JSON.stringify([
    c.handle,
    c.title,
    c.description,
    c.kind,
    c.productIds,
    c.match,
    c.conditions,
    c.sort,
  ]);

/** Whether the stored collection already says exactly what a save asks for (a retried save). */
function sameAsStored(stored: StoredCollection, fields: CollectionFields): boolean {
  const rules = rulesOf(stored);
  return (
    canonical({
      handle: stored.handle,
      title: stored.title,
      description: stored.description ?? '',
      kind: stored.kind,
      productIds: stored.productIds.map((id) => id.toString()),
      match: rules.match,
      conditions: rules.conditions,
      sort: stored.sort ?? 'newest',
    }) === canonical(fields)
  );
}

/** Unknown categories in conditions and unknown products in the list are 400s naming them. */
async function assertReferencesExist({ Product }: Models, fields: CollectionFields) {
  const known = new Set((await loadCategories()).map((category) => category.slug));
  const unknownCategories = fields.conditions.flatMap((condition) =>
    condition.field === 'category' && !known.has(condition.value) ? [condition.value] : [],
  );
  if (unknownCategories.length > 0) {
    throw badRequest(`Unknown category: ${unknownCategories.join(', ')}`);
  }
  if (fields.productIds.length === 0) return;
  const found = await Product.find({ _id: { $in: fields.productIds } })
    .select({ _id: 1 })
    .lean();
  const present = new Set(found.map((product) => product._id.toString()));
  const missing = fields.productIds.filter((id) => !present.has(id));
  if (missing.length > 0) throw badRequest(`Unknown product: ${missing.join(', ')}`);
}

/** A new collection; the same create again (a retry) answers the one it made. */
export async function createCollection(
  models: Models,
  fields: CollectionFields,
): Promise<{ collection: StoredCollection; created: boolean }> {
  const { Collection } = models;
  const existing = await Collection.findOne({ handle: fields.handle }).lean();
  if (existing) {
    if (sameAsStored(existing, fields)) return { collection: existing, created: false };
    throw conflict(`handle taken: ${fields.handle}`);
  }
  await assertReferencesExist(models, fields);
  try {
    const created = await Collection.create({ ...storedFields(fields), version: 0 });
    return { collection: created.toObject(), created: true };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // A concurrent create of the same handle won: the same request is answered with it.
    const winner = await Collection.findOne({ handle: fields.handle }).lean();
    if (winner && sameAsStored(winner, fields)) return { collection: winner, created: false };
    throw conflict(`handle taken: ${fields.handle}`);
  }
}

/**
 * Replaces a collection's fields. A save asking for what is stored is a no-op answer (a retry);
 * otherwise the version must be the one the editor loaded, and the write is conditional on it.
 */
export async function updateCollection(
  models: Models,
  id: string,
  fields: CollectionFields,
  expectedVersion: number | undefined,
): Promise<{ before: StoredCollection; after: StoredCollection }> {
  const { Collection } = models;
  const current = await Collection.findById(id).lean();
  if (!current) throw notFound(`No collection ${id}`);
  if (sameAsStored(current, fields)) return { before: current, after: current };
  const version = current.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw conflict(
      `This collection was changed by someone else after you opened it (version ${expectedVersion}, now ${version}). Reload it, then make your change again.`,
    );
  }
  if (fields.handle !== current.handle) {
    const taken = await Collection.exists({ handle: fields.handle, _id: { $ne: current._id } });
    if (taken) throw conflict(`handle taken: ${fields.handle}`);
  }
  await assertReferencesExist(models, fields);
  const after = await Collection.findOneAndUpdate(
    { _id: current._id, version },
    { $set: storedFields(fields), $inc: { version: 1 } },
    { returnDocument: 'after', runValidators: true },
  )
    .lean()
    .catch((error: unknown) => {
      if (isDuplicateKeyError(error)) throw conflict(`handle taken: ${fields.handle}`);
      throw error;
    });
  if (!after) {
    throw conflict(
      'This collection was changed by someone else just now. Reload it and try again.',
    );
  }
  return { before: current, after };
}

/** Deletes a collection; deleting one already gone answers `deleted: false` (a retry). */
export async function deleteCollection({ Collection }: Models, id: string) {
  const deleted = await Collection.findOneAndDelete({ _id: new Types.ObjectId(id) }).lean();
  return { deleted };
}

/** A manual collection, or the reason a product cannot be added to or removed from it. */
async function manualCollection({ Collection }: Models, id: string) {
  const collection = await Collection.findById(id).lean();
  if (!collection) throw notFound(`No collection ${id}`);
  if (collection.kind !== 'manual') {
    throw badRequest(
      `${collection.title} is a rule collection: products join it by matching its conditions`,
    );
  }
  return collection;
}

/** Adds a product at the end of a manual collection; already in it: nothing changes. */
export async function addToCollection(models: Models, collectionId: string, productId: string) {
  const collection = await manualCollection(models, collectionId);
  const product = new Types.ObjectId(productId);
  if (!(await models.Product.exists({ _id: product }))) throw notFound(`No product ${productId}`);
  if (collection.productIds.some((id) => id.toString() === productId)) {
    return { collection, changed: false };
  }
  const after = await models.Collection.findOneAndUpdate(
    {
      _id: collection._id,
      productIds: { $ne: product },
      [`productIds.${maxManualProducts - 1}`]: { $exists: false },
    },
    { $push: { productIds: product }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (after) return { collection: after, changed: true };
  const now = await manualCollection(models, collectionId);
  if (now.productIds.some((id) => id.toString() === productId))
    return { collection: now, changed: false };
  throw badRequest(`${now.title} already has ${maxManualProducts} products, the most it can hold`);
}

/** Takes a product out of a manual collection; not in it: nothing changes. */
export async function removeFromCollection(
  models: Models,
  collectionId: string,
  productId: string,
) {
  const collection = await manualCollection(models, collectionId);
  const product = new Types.ObjectId(productId);
  const after = await models.Collection.findOneAndUpdate(
    { _id: collection._id, productIds: product },
    { $pull: { productIds: product }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean();
  return after ? { collection: after, changed: true } : { collection, changed: false };
}
