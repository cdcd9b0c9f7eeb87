import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { reviewDatabase } from '../database';
import type { EditInput, MineInput, RemoveInput, SubmitInput } from '../inputs';
import { attachPhotos, releasePhotos } from '../photo-attach';
import { visibleProduct } from '../product-lookup';
import { deliveredOrderFor, type VerifyingOrder } from '../purchase-check';
import { reviewNotFound, shopperAccountId } from '../review-access';
import { announceReviewChange } from '../review-events';
import { createReview, decide } from '../review-writing';
import { toOwnReview, type OwnReviewView } from '../views';

type Args<Input> = HandlerArgs<Input, SignedInContext>;

/** The order cell's answer; when it cannot answer the review waits for a moderator instead. */
async function verification(
  ctx: SignedInContext,
  accountId: Types.ObjectId,
  productSlug: string,
): Promise<VerifyingOrder | null> {
  try {
    return await deliveredOrderFor(String(accountId), productSlug);
  } catch (error) {
    ctx.logger.warn({ err: error }, 'verified-purchase check failed; the review waits unverified');
    return null;
  }
}

/**
 * `review.submit`: one review per shopper per product (review-writing.ts). Verified when the
 * order cell knows a delivered order of the product.
 */
export async function submit({ input, ctx }: Args<SubmitInput>): Promise<OwnReviewView> {
  const accountId = shopperAccountId(ctx);
  const product = await visibleProduct(input.productSlug);
  const order = await verification(ctx, accountId, product.slug);
  return createReview(ctx, accountId, product, input, order);
}

async function ownReview(ctx: SignedInContext, reviewId: string) {
  const { Review } = await reviewDatabase.models();
  const review = await Review.findOne({
    _id: new Types.ObjectId(reviewId),
    accountId: shopperAccountId(ctx),
    deletedAt: null,
  }).lean();
  // Someone else's review answers exactly like a missing one.
  if (!review) throw reviewNotFound();
  return review;
}

/**
 * `review.edit`: a new version of the author's own review, which goes through moderation again
 * (the same rules as a new one; a rejection is cleared). Votes stay: they were about the review.
 */
export async function edit({ input, ctx }: Args<EditInput>): Promise<OwnReviewView> {
  const review = await ownReview(ctx, input.reviewId);
  const { Review } = await reviewDatabase.models();
  let verifiedBy = review.verifiedBy ?? null;
  if (!verifiedBy) verifiedBy = await verification(ctx, review.accountId, review.productSlug);
  const version = review.version + 1;
  const { status, decision } = await decide(
    ctx,
    review.accountId,
    {
      title: input.title,
      body: input.body,
      photoCount: input.photoIds?.length ?? review.photos.length,
    },
    Boolean(verifiedBy),
    version,
    review._id,
  );
  const photos = input.photoIds
    ? await attachPhotos(review.accountId, review._id, input.photoIds)
    : review.photos;
  const updated = await Review.findOneAndUpdate(
    { _id: review._id, version: review.version, deletedAt: null },
    {
      $set: {
        rating: input.rating,
        title: input.title,
        body: input.body,
        photos,
        status,
        version,
        verified: Boolean(verifiedBy),
        verifiedBy,
        rejection: null,
        publishedAt: status === 'published' ? decision.at : null,
      },
      $push: { moderation: decision },
    },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'Your review changed meanwhile; reload it and edit again',
    });
  }
  await announceReviewChange(ctx.logger, updated);
  return toOwnReview(updated);
}

/**
 * `review.remove`: the author deletes their review. It disappears at once; the document stays
 * (without its text) only until the aggregate no longer counts it, then the tally removes it.
 */
export async function remove({ input, ctx }: Args<RemoveInput>): Promise<{ removed: true }> {
  const review = await ownReview(ctx, input.reviewId);
  const { Review, ReviewVote, ReviewReport } = await reviewDatabase.models();
  const updated = await Review.findOneAndUpdate(
    { _id: review._id, deletedAt: null },
    {
      $set: { deletedAt: new Date(), title: '(deleted)', body: '', photos: [], reply: null },
      $inc: { version: 1 },
    },
    { returnDocument: 'after' },
  ).lean();
  if (updated) {
    await Promise.all([
      ReviewVote.deleteMany({ reviewId: review._id }),
      ReviewReport.deleteMany({ reviewId: review._id }),
      releasePhotos(review._id),
    ]);
    await announceReviewChange(ctx.logger, updated);
  }
  return { removed: true };
}

/** `review.mine`: the shopper's own review of a product, in whatever state, or null. */
export async function mine({ input, ctx }: Args<MineInput>): Promise<OwnReviewView | null> {
  const { Review } = await reviewDatabase.models();
  const review = await Review.findOne({
    productSlug: input.productSlug,
    accountId: shopperAccountId(ctx),
    deletedAt: null,
  }).lean();
  return review ? toOwnReview(review) : null;
}
