import { TRPCError } from '@trpc/server';
import { collectionUpdated } from '../../../events/schemas';
import { changedFields } from '../../../audit/changed-fields';
import type { StaffArgs, StaffContext } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { loadCategories } from '../catalog-queries';
import { countActiveProducts } from '../collection-products';
import { ruleFilter, ruleMatches, rulesOf } from '../collection-rules';
import * as collectionWrites from '../collection-writes';
import { productDatabase } from '../database';
import { emitProductEvent } from '../emit-product-event';
import type {
  AddToCollectionInput,
  AdminCollectionsInput,
  CollectionByIdInput,
  CreateCollectionInput,
  DeleteCollectionInput,
  PreviewCollectionInput,
  ProductCollectionsInput,
  RemoveFromCollectionInput,
  UpdateCollectionInput,
} from '../inputs/collections';
import { invalidateListings } from '../listing-cache';
import {
  collectionProductRowProjection,
  toAdminCollectionDetail,
  toAdminCollectionSummary,
  toCollectionProductRow,
  toMembership,
  type AdminCollectionDetail,
  type AdminCollectionSummary,
  type CollectionPreview,
  type ProductCollectionMembership,
  type StoredCollection,
  type StoredProductRow,
} from '../views/collections';

// Back-office collections: analysts and catalog managers read (`catalog:read`), catalog managers
// change them (`catalog:write`). Every write refreshes the collection's storefront page.

/** The audit log's view of a collection: what staff set (ids and conditions as stored). */
function collectionAuditFields(collection: StoredCollection) {
  const rules = rulesOf(collection);
  return {
    handle: collection.handle,
    title: collection.title,
    description: collection.description ?? '',
    kind: collection.kind,
    productIds: collection.productIds.map((id) => id.toString()),
    match: rules.match,
    conditions: rules.conditions,
    sort: collection.sort ?? 'newest',
  };
}

/** Staff text is matched literally, never as a pattern. */
const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

async function detailOf(collection: StoredCollection): Promise<AdminCollectionDetail> {
  const models = await productDatabase.models();
  const categories = await loadCategories();
  const [products, activeCount] = await Promise.all([
    collection.kind === 'manual'
      ? models.Product.find({ _id: { $in: collection.productIds } })
          .select(collectionProductRowProjection)
          .lean()
      : Promise.resolve([]),
    countActiveProducts(models, collection, categories),
  ]);
  const byId = new Map(products.map((product) => [product._id.toString(), product]));
  const ordered = collection.productIds.flatMap((id) => {
    const product = byId.get(id.toString());
    return product ? [toCollectionProductRow(product as StoredProductRow)] : [];
  });
  return toAdminCollectionDetail(collection, ordered, activeCount);
}

async function changed(ctx: StaffContext, ...handles: string[]) {
  invalidateListings();
  for (const handle of new Set(handles)) {
    await emitProductEvent(ctx.logger, collectionUpdated, { handle });
  }
}

/** Staff's list of collections, by title, with how many products shoppers see in each. */
export async function adminCollections({ input }: StaffArgs<AdminCollectionsInput>) {
  const models = await productDatabase.models();
  const filter = input.q
    ? { $or: [{ title: literal(input.q) }, { handle: literal(input.q) }] }
    : {};
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [collections, totalCount, categories] = await Promise.all([
    models.Collection.find(filter).sort({ title: 1, _id: 1 }).skip(skip).limit(limit).lean(),
    models.Collection.countDocuments(filter),
    loadCategories(),
  ]);
  const items: AdminCollectionSummary[] = await Promise.all(
    collections.map(async (collection) =>
      toAdminCollectionSummary(
        collection,
        await countActiveProducts(models, collection, categories),
      ),
    ),
  );
  return { items, totalCount, page: input.page, hasMore: skip + items.length < totalCount };
}

export async function collectionById({
  input,
}: StaffArgs<CollectionByIdInput>): Promise<AdminCollectionDetail> {
  const { Collection } = await productDatabase.models();
  const collection = await Collection.findById(input.id).lean();
  if (!collection) throw new TRPCError({ code: 'NOT_FOUND', message: `No collection ${input.id}` });
  return detailOf(collection);
}

export async function createCollection({
  input,
  ctx,
}: StaffArgs<CreateCollectionInput>): Promise<AdminCollectionDetail & { created: boolean }> {
  const { collection, created } = await collectionWrites.createCollection(
    await productDatabase.models(),
    input,
  );
  if (created) {
    ctx.audit.record({
      object: { type: 'collection', id: collection._id.toString() },
      before: null,
      after: collectionAuditFields(collection),
    });
    await changed(ctx, collection.handle);
  }
  return { ...(await detailOf(collection)), created };
}

export async function updateCollection({
  input,
  ctx,
}: StaffArgs<UpdateCollectionInput>): Promise<AdminCollectionDetail> {
  const { before, after } = await collectionWrites.updateCollection(
    await productDatabase.models(),
    input.id,
    input.collection,
    input.expectedVersion,
  );
  // A renamed handle: the old address must stop showing the collection too.
  if (before !== after) {
    ctx.audit.record({
      object: { type: 'collection', id: input.id },
      ...changedFields(collectionAuditFields(before), collectionAuditFields(after), ['title']),
    });
    await changed(ctx, before.handle, after.handle);
  }
  return detailOf(after);
}

export async function deleteCollection({ input, ctx }: StaffArgs<DeleteCollectionInput>) {
  const { deleted } = await collectionWrites.deleteCollection(
    await productDatabase.models(),
    input.id,
  );
  if (deleted) {
    ctx.audit.record({
      object: { type: 'collection', id: input.id },
      before: collectionAuditFields(deleted),
      after: null,
    });
    await changed(ctx, deleted.handle);
  }
  return { id: input.id, deleted: Boolean(deleted) };
}

/** What a rule matches now (the editor's live preview): counts and the first products. */
export async function previewCollection({
  input,
}: StaffArgs<PreviewCollectionInput>): Promise<CollectionPreview> {
  const { Product } = await productDatabase.models();
  const filter = ruleFilter(input, await loadCategories());
  const [activeCount, draftCount, items] = await Promise.all([
    Product.countDocuments({ status: 'active', ...filter }),
    Product.countDocuments({ status: 'draft', ...filter }),
    Product.find({ status: { $in: ['active', 'draft'] }, ...filter })
      .select(collectionProductRowProjection)
      .sort({ updatedAt: -1, _id: 1 })
      .limit(input.pageSize)
      .lean(),
  ]);
  return {
    activeCount,
    draftCount,
    items: items.map((product) => toCollectionProductRow(product as StoredProductRow)),
  };
}

/** The collections a product is in: manual ones listing it and rule ones it matches now. */
export async function productCollections({
  input,
}: StaffArgs<ProductCollectionsInput>): Promise<{ items: ProductCollectionMembership[] }> {
  const { Product, Collection } = await productDatabase.models();
  const product = await Product.findById(input.productId)
    .select({ tags: 1, brand: 1, categorySlugs: 1, priceMinMinor: 1 })
    .lean();
  if (!product) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${input.productId}` });
  }
  const [manual, rules, categories] = await Promise.all([
    Collection.find({ kind: 'manual', productIds: product._id }).lean(),
    Collection.find({ kind: 'rule' }).lean(),
    loadCategories(),
  ]);
  const matching = rules.filter((collection) =>
    ruleMatches(rulesOf(collection), product, categories),
  );
  return {
    items: [...manual, ...matching]
      .sort((a, b) => a.title.localeCompare(b.title))
      .map(toMembership),
  };
}

export async function addToCollection({ input, ctx }: StaffArgs<AddToCollectionInput>) {
  const { collection, changed: didChange } = await collectionWrites.addToCollection(
    await productDatabase.models(),
    input.collectionId,
    input.productId,
  );
  if (didChange) {
    ctx.audit.record({
      object: { type: 'collection', id: input.collectionId },
      before: { title: collection.title, productAdded: null },
      after: { title: collection.title, productAdded: input.productId },
    });
    await changed(ctx, collection.handle);
  }
  return { ...toMembership(collection), added: didChange };
}

export async function removeFromCollection({ input, ctx }: StaffArgs<RemoveFromCollectionInput>) {
  const { collection, changed: didChange } = await collectionWrites.removeFromCollection(
    await productDatabase.models(),
    input.collectionId,
    input.productId,
  );
  if (didChange) {
    ctx.audit.record({
      object: { type: 'collection', id: input.collectionId },
      before: { title: collection.title, productRemoved: input.productId },
      after: { title: collection.title, productRemoved: null },
    });
    await changed(ctx, collection.handle);
  }
  return { ...toMembership(collection), removed: didChange };
}
