import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { router } from '../../trpc/init';
import { defaultPageSize, pageWindow, paginationInput } from '../../trpc/pagination';
import { publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import { productDatabase } from './database';
import { toProductDetail, toProductSummary } from './product-summary';
import type { Category, ProductDetail, ProductPage } from './types';

// Slugs are URL path segments: a strict shape keeps operators and odd bytes out of queries.
const slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug');

const listInput = z
  .object({ categorySlug: slug.optional(), ...paginationInput })
  .default({ page: 1, pageSize: defaultPageSize });

export const productRouter = router({
  status: statusProcedure('product'),

  /** Active products, optionally in one category, newest first. Past the end: empty items. */
  list: publicProcedure.input(listInput).query(async ({ input }): Promise<ProductPage> => {
    const { Product } = await productDatabase.models();
    const filter = {
      status: 'active' as const,
      ...(input.categorySlug ? { categorySlugs: input.categorySlug } : {}),
    };
    const { skip, limit } = pageWindow(input.page, input.pageSize);
    const [documents, totalCount] = await Promise.all([
      Product.find(filter).sort({ createdAt: -1, _id: 1 }).skip(skip).limit(limit).lean(),
      Product.countDocuments(filter),
    ]);
    return {
      items: documents.map(toProductSummary),
      totalCount,
      page: input.page,
      hasMore: skip + documents.length < totalCount,
    };
  }),

  categories: publicProcedure.query(async (): Promise<{ items: Category[] }> => {
    const { Category } = await productDatabase.models();
    const documents = await Category.find({}).sort({ position: 1, name: 1 }).lean();
    return {
      items: documents.map((category) => ({
        slug: category.slug,
        name: category.name,
        description: category.description ?? '',
      })),
    };
  }),

  bySlug: publicProcedure
    .input(z.object({ slug }))
    .query(async ({ input }): Promise<ProductDetail> => {
      const { Product } = await productDatabase.models();
      const document = await Product.findOne({ slug: input.slug, status: 'active' }).lean();
      if (!document) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No product "${input.slug}"` });
      }
      return toProductDetail(document);
    }),
});
