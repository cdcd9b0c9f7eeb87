import { appliedClaimsKept } from '@shop/db/review';
import { isDuplicateKeyError } from '@shop/db/claims';
import { Types } from 'mongoose';
import { reviewDatabase } from './database';

interface Tally {
  rating: number;
  verified: boolean;
}

interface TallyState {
  status: string;
  rating: number;
  verified: boolean;
  deletedAt?: Date | null;
}

/** What the aggregate should count of a review: published and not deleted ones only. */
export function desiredTally(review: TallyState): Tally | null {
  if (review.status !== 'published' || review.deletedAt) return null;
  return { rating: review.rating, verified: review.verified };
}

const sameTally = (a: Tally | null | undefined, b: Tally | null | undefined) =>
  (a ?? null) === null
    ? (b ?? null) === null
    : b != null && a!.rating === b.rating && a!.verified === b.verified;

/** The `$inc` that moves a product's aggregate from counting `from` to counting `to`. */
function deltaOf(from: Tally | null, to: Tally | null): Record<string, number> {
  const inc: Record<string, number> = {};
  const add = (path: string, amount: number) => {
    if (amount !== 0) inc[path] = (inc[path] ?? 0) + amount;
  };
  for (const [tally, sign] of [
    [from, -1],
    [to, 1],
  ] as const) {
    if (!tally) continue;
    add('count', sign);
    add('sum', sign * tally.rating);
    add(`perStar.${tally.rating - 1}`, sign);
    if (tally.verified) add('verifiedCount', sign);
  }
  return inc;
}

/**
 * Applies one claimed change to the product's aggregate at most once: the claim id is pushed in
 * the same single-document update as the `$inc`, and the filter refuses an aggregate that already
 * holds it, so a retry after a crash (or a second worker) changes nothing.
 */
async function applyClaim(
  productId: string,
  productSlug: string,
  claimId: string,
  inc: Record<string, number>,
): Promise<void> {
  const { RatingAggregate } = await reviewDatabase.models();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await RatingAggregate.exists({ _id: productId });
    if (!existing) {
      try {
        await RatingAggregate.create({ _id: productId, productSlug });
      } catch (error) {
        // Another tally created it first: use theirs.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    const result = await RatingAggregate.updateOne(
      { _id: productId, appliedClaims: { $ne: claimId } },
      {
        ...(Object.keys(inc).length > 0 && { $inc: inc }),
        $set: { productSlug },
        $push: { appliedClaims: { $each: [claimId], $slice: -appliedClaimsKept } },
      },
    );
    if (result.matchedCount === 1) return;
    if (await RatingAggregate.exists({ _id: productId, appliedClaims: claimId })) return;
  }
  throw new Error(`rating aggregate of ${productId} could not take claim ${claimId}`);
}

export interface TallyOutcome {
  /** Whether the aggregate's numbers changed. */
  changed: boolean;
  productId: string | null;
  productSlug: string | null;
}

/**
 * Brings what the product's aggregate counts of one review in line with the review, incrementally
 * (never a recount). Safe to run any number of times, concurrently too:
 * 1. a change left half-done (`tallyPending`) is finished first (its claim applies once);
 * 2. the review swaps `tally` to the desired one under its `tallyVersion` (one swap wins), writing
 *    the change as `tallyPending` in the same update;
 * 3. the claim is applied to the aggregate and `tallyPending` cleared.
 * A deleted review whose contribution is gone is removed for good.
 */
export async function tallyReview(reviewId: string): Promise<TallyOutcome> {
  const { Review } = await reviewDatabase.models();
  const _id = new Types.ObjectId(reviewId);
  let changed = false;
  for (let round = 0; round < 20; round += 1) {
    const review = await Review.findById(_id).lean();
    if (!review) return { changed, productId: null, productSlug: null };
    const productId = review.productId ?? null;
    if (!productId) return { changed, productId: null, productSlug: review.productSlug };
    const pending = review.tallyPending;
    if (pending) {
      const inc = deltaOf(pending.from ?? null, pending.to ?? null);
      await applyClaim(productId, review.productSlug, pending.claimId, inc);
      await Review.updateOne(
        { _id, 'tallyPending.claimId': pending.claimId },
        { $set: { tallyPending: null } },
      );
      changed ||= Object.keys(inc).length > 0;
      continue;
    }
    const desired = desiredTally(review);
    if (sameTally(review.tally, desired)) {
      if (review.deletedAt && !review.tally) await Review.deleteOne({ _id, tally: null });
      return { changed, productId, productSlug: review.productSlug };
    }
    const current = review.tallyVersion ?? 0;
    const next = current + 1;
    await Review.updateOne(
      // Demo reviews written before tallies existed have no tallyVersion: 0 matches those too.
      { _id, tallyVersion: current === 0 ? { $in: [0, null] } : current, tallyPending: null },
      {
        $set: {
          tally: desired,
          tallyVersion: next,
          // A fresh id per change: a review deleted and written again reuses its `_id`
          // and counts its versions from 0 again, so `<id>:<version>` could repeat.
          tallyPending: {
            claimId: new Types.ObjectId().toHexString(),
            from: review.tally ?? null,
            to: desired,
          },
        },
      },
    );
    // Whether this swap won or another did, the next round finishes whatever is pending.
  }
  throw new Error(`review ${reviewId}: tally did not settle`);
}
