import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { productUpdated } from '../../../events/schemas';
import type { StaffArgs } from '../../../trpc/context';
import { productDatabase } from '../database';
import { emitProductEvent } from '../emit-product-event';
import type { SetRatingSummaryInput } from '../inputs';
import { invalidateListings } from '../listing-cache';

/**
 * The review cell's summary of published reviews, written onto the product. An admin may call it
 * too (admins hold every permission): then the audit log has the rating before and after.
 */
export async function setRatingSummary({ input, ctx }: StaffArgs<SetRatingSummaryInput>) {
  const { Product } = await productDatabase.models();
  const average = Math.round(input.average * 10) / 10;
  const previous = await Product.findOneAndUpdate(
    { _id: new Types.ObjectId(input.productId) },
    { $set: { rating: { average, count: input.count } } },
    { returnDocument: 'before' },
  )
    .select({ slug: 1, rating: 1 })
    .lean();
  if (!previous) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${input.productId}` });
  }
  ctx.audit.record({
    object: { type: 'product', id: input.productId },
    before: { slug: previous.slug, rating: previous.rating ?? null },
    after: { slug: previous.slug, rating: { average, count: input.count } },
  });
  invalidateListings();
  await emitProductEvent(ctx.logger, productUpdated, {
    productId: input.productId,
    slug: previous.slug,
  });
  return { productId: input.productId, rating: { average, count: input.count } };
}
