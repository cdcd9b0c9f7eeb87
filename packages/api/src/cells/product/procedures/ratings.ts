import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { productUpdated } from '../../../events/schemas';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { productDatabase } from '../database';
import { emitProductEvent } from '../emit-product-event';
import type { SetRatingSummaryInput } from '../inputs';
import { invalidateListings } from '../listing-cache';

/** The review cell's summary of published reviews, written onto the product. */
export async function setRatingSummary({
  input,
  ctx,
}: HandlerArgs<SetRatingSummaryInput, SignedInContext>) {
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
}
