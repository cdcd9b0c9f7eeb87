import { productStatuses } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { z } from 'zod';
import {
  categoryUpdated,
  productArchived,
  productCreated,
  productUpdated,
} from '../../events/schemas';
import { pageWindow, paginationInput } from '../../trpc/pagination';
import { permissionProcedure } from '../../trpc/procedures';
import { toAdminProduct, type AdminProduct } from './admin-view';
import { createCategory, deleteCategory, updateCategory } from './category-writes';
import { productDatabase } from './database';
import { emitProductEvent } from './emit-product-event';
import { invalidateListings } from './listing-cache';
import { objectIdInput, skuInput, slugInput } from './inputs';
import { createProductInput, updateProductInput } from './product-input';
import { createProduct, updateProduct } from './product-writes';
import { adjustStock } from './stock-adjustment';

const catalogWrite = permissionProcedure('catalog:write');

async function adminProductById(id: Types.ObjectId | string): Promise<AdminProduct> {
  const { Product, InventoryItem } = await productDatabase.models();
  const product = await Product.findById(id).lean();
  if (!product) throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${String(id)}` });
  const stock = await InventoryItem.find({ productId: product._id }).lean();
  return toAdminProduct(product, stock);
}

const categoryFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000),
  position: z.number().int().min(0).max(10_000),
  parentSlug: slugInput.nullable(),
};

/** Back-office procedures: catalog edits behind `catalog:write`, ratings behind `reviews:moderate`. */
export const staffProcedures = {
  create: catalogWrite.input(createProductInput).mutation(async ({ input, ctx }) => {
    const created = await createProduct(await productDatabase.models(), input);
    invalidateListings();
    await emitProductEvent(ctx.logger, productCreated, {
      productId: created._id.toString(),
      slug: created.slug,
    });
    return adminProductById(created._id);
  }),

  update: catalogWrite.input(updateProductInput).mutation(async ({ input, ctx }) => {
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
  }),

  archive: catalogWrite
    .input(z.object({ id: objectIdInput }).strict())
    .mutation(async ({ input, ctx }) => {
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
    }),

  adjustStock: catalogWrite
    .input(
      z.union([
        z
          .object({
            sku: skuInput,
            delta: z.number().int().min(-1_000_000).max(1_000_000),
            reason: z.string().trim().min(1).max(200),
          })
          .strict(),
        z
          .object({
            sku: skuInput,
            onHand: z.number().int().min(0).max(1_000_000),
            reason: z.string().trim().min(1).max(200),
          })
          .strict(),
      ]),
    )
    .mutation(async ({ input, ctx }) =>
      adjustStock(await productDatabase.models(), input, ctx.logger),
    ),

  createCategory: catalogWrite
    .input(
      z
        .object({
          slug: slugInput,
          name: categoryFields.name,
          description: categoryFields.description.default(''),
          position: categoryFields.position.optional(),
          parentSlug: categoryFields.parentSlug.optional(),
        })
        .strict(),
    )
    .mutation(async ({ input, ctx }) => {
      const created = await createCategory(await productDatabase.models(), input);
      invalidateListings();
      await emitProductEvent(ctx.logger, categoryUpdated, { slug: created.slug });
      return { slug: created.slug, ancestorSlugs: [...created.ancestorSlugs] };
    }),

  updateCategory: catalogWrite
    .input(
      z
        .object({ slug: slugInput, ...categoryFields })
        .partial()
        .required({ slug: true })
        .strict(),
    )
    .mutation(async ({ input, ctx }) => {
      const updated = await updateCategory(await productDatabase.models(), input);
      invalidateListings();
      await emitProductEvent(ctx.logger, categoryUpdated, { slug: input.slug });
      return { slug: input.slug, ancestorSlugs: [...(updated?.ancestorSlugs ?? [])] };
    }),

  deleteCategory: catalogWrite
    .input(z.object({ slug: slugInput }).strict())
    .mutation(async ({ input, ctx }) => {
      const deleted = await deleteCategory(await productDatabase.models(), input.slug);
      invalidateListings();
      await emitProductEvent(ctx.logger, categoryUpdated, { slug: input.slug });
      return deleted;
    }),

  /** Staff's product table: any status, a text filter, or only products with a low SKU. */
  adminList: catalogWrite
    .input(
      z
        .object({
          status: z.enum(productStatuses).optional(),
          q: z.string().trim().max(100).optional(),
          lowStock: z.boolean().optional(),
          ...paginationInput,
        })
        .strict()
        .default({ page: 1, pageSize: 24 }),
    )
    .query(async ({ input }) => {
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
    }),

  /** The review cell's summary of published reviews, written onto the product. */
  setRatingSummary: permissionProcedure('reviews:moderate')
    .input(
      z
        .object({
          productId: objectIdInput,
          average: z.number().min(0).max(5),
          count: z.number().int().min(0).max(100_000_000),
        })
        .strict()
        .refine((rating) => rating.count > 0 || rating.average === 0, {
          message: 'no reviews means an average of 0',
          path: ['average'],
        }),
    )
    .mutation(async ({ input, ctx }) => {
      const { Product } = await productDatabase.models();
      const average = Math.round(input.average * 10) / 10;
      const updated = await Product.findOneAndUpdate(
        { _id: new Types.ObjectId(input.productId) },
        { $set: { rating: { average, count: input.count } } },
        { returnDocument: 'after' },
      )
        .select({ slug: 1 })
        .lean();
      if (!updated) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${input.productId}` });
      }
      invalidateListings();
      await emitProductEvent(ctx.logger, productUpdated, {
        productId: input.productId,
        slug: updated.slug,
      });
      return { productId: input.productId, rating: { average, count: input.count } };
    }),
};
