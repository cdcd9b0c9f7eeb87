import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { productArchived, productCreated, productUpdated } from '../../../events/schemas';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { productDatabase } from '../database';
import { emitProductEvent } from '../emit-product-event';
import type {
  AdjustStockInput,
  AdminListInput,
  ArchiveInput,
  CreateInput,
  UpdateInput,
} from '../inputs';
import { invalidateListings } from '../listing-cache';
import { createProduct, updateProduct } from '../product-writes';
import * as stockAdjustment from '../stock-adjustment';
import { toAdminProduct, type AdminProduct } from '../views';

// Back-office catalog edits, behind `catalog:write`.

type StaffArgs<Input> = HandlerArgs<Input, SignedInContext>;

async function adminProductById(id: Types.ObjectId | string): Promise<AdminProduct> {
  const { Product, InventoryItem } = await productDatabase.models();
  const product = await Product.findById(id).lean();
  if (!product) throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${String(id)}` });
  const stock = await InventoryItem.find({ productId: product._id }).lean();
  return toAdminProduct(product, stock);
}

export async function create({ input, ctx }: StaffArgs<CreateInput>): Promise<AdminProduct> {
  const created = await createProduct(await productDatabase.models(), input);
  invalidateListings();
  await emitProductEvent(ctx.logger, productCreated, {
    productId: created._id.toString(),
    slug: created.slug,
  });
  return adminProductById(created._id);
}

export async function update({ input, ctx }: StaffArgs<UpdateInput>): Promise<AdminProduct> {
  const { before, after } = await updateProduct(
    await productDatabase.models(),
    input.id,
    input.changes,
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

export async function archive({ input, ctx }: StaffArgs<ArchiveInput>): Promise<AdminProduct> {
  const { Product } = await productDatabase.models();
  const archived = await Product.findOneAndUpdate(
    { _id: new Types.ObjectId(input.id) },
    { $set: { status: 'archived' } },
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
  return stockAdjustment.adjustStock(await productDatabase.models(), input, ctx.logger);
}

/** Staff's product table: any status, a text filter, or only products with a low SKU. */
export async function adminList({ input }: StaffArgs<AdminListInput>) {
  const { Product, InventoryItem } = await productDatabase.models();
  const filter: Record<string, unknown> = {};
  if (input.status) filter.status = input.status;
  if (input.q) {
    // Escaped: staff text is matched literally, never as a pattern.
    const pattern = new RegExp(input.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    filter.$or = [
      { name: pattern },
      { slug: pattern },
      { brand: pattern },
      { 'variants.sku': pattern },
    ];
  }
  if (input.lowStock) {
    // Thresholds differ per SKU, so compare in code; staff lists are rare and small.
    const low = await InventoryItem.find({ available: { $lte: 100_000 } })
      .select({ productId: 1, available: 1, lowStockThreshold: 1 })
      .lean();
    filter._id = {
      $in: [
        ...new Set(
          low
            .filter((item) => item.available <= item.lowStockThreshold)
            .map((item) => item.productId.toString()),
        ),
      ].map((id) => new Types.ObjectId(id)),
    };
  }
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [products, totalCount] = await Promise.all([
    Product.find(filter).sort({ updatedAt: -1, _id: 1 }).skip(skip).limit(limit).lean(),
    Product.countDocuments(filter),
  ]);
  const stock = await InventoryItem.find({
    productId: { $in: products.map((product) => product._id) },
  }).lean();
  return {
    items: products.map((product) =>
      toAdminProduct(
        product,
        stock.filter((row) => row.productId.equals(product._id)),
      ),
    ),
    totalCount,
    page: input.page,
    hasMore: skip + products.length < totalCount,
  };
}
