import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import { TRPCError } from '@trpc/server';
import type { Types } from 'mongoose';
import type { CellContext } from '../../trpc/context';
import { reviewDatabase } from './database';
import { holdSignals } from './moderation-rules';
import { attachPhotos } from './photo-attach';
import type { ReviewedProduct } from './product-lookup';
import type { VerifyingOrder } from './purchase-check';
import { tallyReview } from './rating-tally';
import { announceReviewChange } from './review-events';
import { addressHashOf, recentActivity } from './submission-facts';
import { toOwnReview, type OwnReviewView } from './views';

/** The rules' decision for one version of a review (recorded on the review as it is applied). */
export async function decide(
  ctx: CellContext,
  accountId: Types.ObjectId,
  text: { title: string; body: string; photoCount: number },
  verified: boolean,
  version: number,
  excludeReviewId?: Types.ObjectId,
) {
  const addressHash = addressHashOf(ctx.clientAddress);
  const activity = await recentActivity(accountId, addressHash, excludeReviewId);
  const signals = holdSignals({ ...text, verified, ...activity });
  const status = signals.length === 0 ? ('published' as const) : ('pending' as const);
  const decision = {
    action: status === 'published' ? ('published' as const) : ('held' as const),
    by: 'system' as const,
    at: new Date(),
    reasons: signals,
    version,
  };
  return { status, decision, addressHash };
}

export const alreadyReviewedMessage =
  'You have already reviewed this product; sign in to edit your review';

/** What a new review says (the shopper's form, signed in or through a request link). */
export interface NewReviewText {
  rating: number;
  title: string;
  body: string;
  incentivised: boolean;
  photoIds: string[];
}

/**
 * Writes an account's one review of a product: refused with 409 when the account already has
 * one (the review's `_id` is derived from both, so concurrent writes meet on one document).
 * `order` is what verifies it, or null; the moderation rules decide whether it publishes at once.
 */
export async function createReview(
  ctx: CellContext,
  accountId: Types.ObjectId,
  product: ReviewedProduct,
  text: NewReviewText,
  order: VerifyingOrder | null,
): Promise<OwnReviewView> {
  const { Review } = await reviewDatabase.models();
  const existing = await Review.findOne({ productSlug: product.slug, accountId })
    .select({ deletedAt: 1 })
    .lean();
  if (existing && !existing.deletedAt) {
    throw new TRPCError({ code: 'CONFLICT', message: alreadyReviewedMessage });
  }
  // The author's earlier review is deleted but not yet uncounted: finish that first (the tally
  // is idempotent, so racing the background run is harmless), which removes the old document.
  if (existing) await tallyReview(String(existing._id));
  const { status, decision, addressHash } = await decide(
    ctx,
    accountId,
    { title: text.title, body: text.body, photoCount: text.photoIds.length },
    Boolean(order),
    1,
  );
  const reviewId = derivedObjectId('review', product.slug, String(accountId));
  const photos = await attachPhotos(accountId, reviewId, text.photoIds);
  try {
    const created = await Review.create({
      _id: reviewId,
      productSlug: product.slug,
      productId: product.id,
      accountId,
      rating: text.rating,
      title: text.title,
      body: text.body,
      incentivised: text.incentivised,
      photos,
      status,
      verified: Boolean(order),
      verifiedBy: order,
      moderation: [decision],
      publishedAt: status === 'published' ? decision.at : null,
      addressHash,
    });
    await announceReviewChange(ctx.logger, created);
    return toOwnReview(created.toObject());
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw new TRPCError({ code: 'CONFLICT', message: alreadyReviewedMessage });
    }
    throw error;
  }
}
