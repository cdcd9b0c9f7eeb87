import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { changedFields } from '../../../audit/changed-fields';
import { productArchived, productCreated, productUpdated } from '../../../events/schemas';
import type { StaffArgs } from '../../../trpc/context';
import { listAdminProducts } from '../admin-product-list';
import { runBulkAction, type BulkResult } from '../bulk-actions';
import { productDatabase } from '../database';
import { emitProductEvent } from '../emit-product-event';
import type {
  AdjustStockInput,
  AdminListInput,
  ArchiveInput,
  BulkInput,
  ByIdInput,
  CreateInput,
  UpdateInput,
} from '../inputs';
import { invalidateListings } from '../listing-cache';
import { createProduct, updateProduct } from '../product-writes';
import { descriptionHtmlOf } from '../rich-text';
import * as stockAdjustment from '../stock-adjustment';
import { toAdminProductDetail, type AdminProductDetail } from '../views';

// Back-office catalog reads (`catalog:read`) and edits (`catalog:write`).

// The audit log's view of a product: what staff edit (not counters, caches or the HTML twin).
const unaudited = new Set([
  '_id',
  'createdAt',
  'updatedAt',
  'version',
  'bulkKeys',
  'rating',
  'inStock',
  'descriptionHtml',
]);
function productAuditFields(product: object | null): Record<string, unknown> | null {
  if (!product) return null;
  return Object.fromEntries(Object.entries(product).filter(([key]) => !unaudited.has(key)));
}

async function adminProductById(id: Types.ObjectId | string): Promise<AdminProductDetail> {
  const { Product, InventoryItem } = await productDatabase.models();
  const product = await Product.findById(id).lean();
  if (!product) throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${String(id)}` });
  const stock = await InventoryItem.find({ productId: product._id }).lean();
  return toAdminProductDetail(
    product,
    stock,
    product.descriptionHtml || descriptionHtmlOf(product.description ?? ''),
  );
}

export async function create({ input, ctx }: StaffArgs<CreateInput>): Promise<AdminProductDetail> {
  const created = await createProduct(await productDatabase.models(), input);
  ctx.audit.record({
    object: { type: 'product', id: created._id.toString() },
    before: null,
    after: productAuditFields(created),
  });
  invalidateListings();
  await emitProductEvent(ctx.logger, productCreated, {
    productId: created._id.toString(),
    slug: created.slug,
  });
  return adminProductById(created._id);
}

export async function update({ input, ctx }: StaffArgs<UpdateInput>): Promise<AdminProductDetail> {
  const { before, after } = await updateProduct(
    await productDatabase.models(),
    input.id,
    input.changes,
    input.expectedVersion,
    ctx.logger,
    { id: ctx.identity.accountId, email: ctx.identity.email },
  );
  ctx.audit.record({
    object: { type: 'product', id: input.id },
    ...changedFields(productAuditFields(before), productAuditFields(after), ['name']),
  });
  invalidateListings();
  const productId = after._id.toString();
  await emitProductEvent(ctx.logger, productUpdated, { productId, slug: after.slug });
  if (before.slug !== after.slug) {
    // The old address must stop showing the product too.
    await emitProductEvent(ctx.logger, productUpdated, { productId, slug: before.slug });
  }
  if (after.status === 'archived' && before.status !== 'archived') {
    await emitProductEvent(ctx.logger, productArchived, { productId, slug: after.slug });
  }
  return adminProductById(after._id);
}

export async function archive({
  input,
  ctx,
}: StaffArgs<ArchiveInput>): Promise<AdminProductDetail> {
  const { Product } = await productDatabase.models();
  const archived = await Product.findOneAndUpdate(
    { _id: new Types.ObjectId(input.id) },
    { $set: { status: 'archived' }, $inc: { version: 1 } },
    { returnDocument: 'before' },
  ).lean();
  if (!archived) throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${input.id}` });
  ctx.audit.record({
    object: { type: 'product', id: input.id },
    before: { name: archived.name, status: archived.status },
    after: { name: archived.name, status: 'archived' },
  });
  invalidateListings();
  if (archived.status !== 'archived') {
    await emitProductEvent(ctx.logger, productArchived, {
      productId: input.id,
      slug: archived.slug,
    });
  }
  return adminProductById(input.id);
}

/** A delivery, a stock count or damage: see stock-adjustment.ts. */
export async function adjustStock({ input, ctx }: StaffArgs<AdjustStockInput>) {
  const models = await productDatabase.models();
  const before = await models.InventoryItem.findOne(
    { sku: input.sku },
    { onHand: 1, reserved: 1 },
  ).lean();
  const { applied: _applied, ...counts } = await stockAdjustment.adjustStock(
    models,
    input,
    ctx.logger,
    {
      reason: 'other',
      note: input.reason,
      source: 'api',
      actor: { id: ctx.identity.accountId, email: ctx.identity.email },
    },
  );
  ctx.audit.record({
    object: { type: 'inventory', id: counts.sku },
    before: before && { onHand: before.onHand, reserved: before.reserved },
    after: { onHand: counts.onHand, reserved: counts.reserved, reason: input.reason },
  });
  return counts;
}

/** Staff's product table: see admin-product-list.ts. */
export async function adminList({ input }: StaffArgs<AdminListInput>) {
  return listAdminProducts(await productDatabase.models(), input);
}

/** One product as the editor shows it, with its version for the save's check. */
export async function byId({ input }: StaffArgs<ByIdInput>): Promise<AdminProductDetail> {
  return adminProductById(input.id);
}

/** Publish, archive, move or reprice many products at once: see bulk-actions.ts. */
export async function bulk({ input, ctx }: StaffArgs<BulkInput>): Promise<BulkResult> {
  const models = await productDatabase.models();
  const fields = {
    name: 1,
    status: 1,
    categorySlugs: 1,
    'variants.sku': 1,
    'variants.priceMinor': 1,
  };
  const ids = [...new Set(input.ids)].map((id) => new Types.ObjectId(id));
  const before = await models.Product.find({ _id: { $in: ids } }, fields).lean();
  const result = await runBulkAction(models, input, ctx.logger);
  const after = await models.Product.find({ _id: { $in: result.updated } }, fields).lean();
  const byId = <T extends { _id: Types.ObjectId }>(docs: T[]) =>
    new Map(docs.map(({ _id, ...rest }) => [_id.toString(), rest]));
  const old = byId(before);
  const changes = [...byId(after)].map(
    ([id, now]) => [id, changedFields(old.get(id) ?? null, now, ['name'])] as const,
  );
  ctx.audit.record({
    object: { type: 'product', ids: result.updated },
    before: Object.fromEntries(changes.map(([id, change]) => [id, change.before])),
    after: Object.fromEntries(changes.map(([id, change]) => [id, change.after])),
  });
  return result;
}
