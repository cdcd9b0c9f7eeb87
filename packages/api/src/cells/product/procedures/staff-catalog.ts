import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { productArchived, productCreated, productUpdated } from '../../../events/schemas';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
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

type StaffArgs<Input> = HandlerArgs<Input, SignedInContext>;

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
  const { applied: _applied, ...counts } = await stockAdjustment.adjustStock(
    await productDatabase.models(),
    input,
    ctx.logger,
    {
      reason: 'other',
      note: input.reason,
      source: 'api',
      actor: { id: ctx.identity.accountId, email: ctx.identity.email },
    },
  );
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
  return runBulkAction(await productDatabase.models(), input, ctx.logger);
}
