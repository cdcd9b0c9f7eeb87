import type { Logger } from 'pino';
import { sendEvent } from '../../events/inngest-client';
import { reviewDatabase } from './database';
import { ratingSummaryChanged } from './events';
import { tallyReview } from './rating-tally';
import { ratingSummaryOf } from './rating-summary';

export interface RecomputeOutcome {
  reviewsChecked: number;
  productsChecked: number;
  /** Aggregates whose numbers differed from their reviews and were corrected. */
  productsRepaired: number;
}

/** Sums what the reviews of one product say they are counted as. */
async function countedTotals(productId: string) {
  const { Review } = await reviewDatabase.models();
  const counted = await Review.find({ productId, tally: { $ne: null } })
    .select({ tally: 1 })
    .lean();
  const totals = { count: 0, sum: 0, perStar: [0, 0, 0, 0, 0], verifiedCount: 0 };
  for (const { tally } of counted) {
    if (!tally) continue;
    totals.count += 1;
    totals.sum += tally.rating;
    totals.perStar[tally.rating - 1] = (totals.perStar[tally.rating - 1] ?? 0) + 1;
    if (tally.verified) totals.verifiedCount += 1;
  }
  return totals;
}

/**
 * The repair command behind `review.recomputeAggregates`: first every review's tally is brought
 * up to date (finishing half-done changes), then each product's aggregate is compared with the
 * sum of what its reviews are counted as and overwritten where it differs; the overwrite is
 * conditional on the aggregate not having changed since it was read, and retried otherwise, so a
 * tally running at the same time is never lost. Running it twice changes nothing the second time.
 */
export async function recomputeAggregates(
  logger: Logger,
  productSlug?: string,
): Promise<RecomputeOutcome> {
  const { Review, RatingAggregate } = await reviewDatabase.models();
  const scope = productSlug ? { productSlug } : {};
  const outcome: RecomputeOutcome = { reviewsChecked: 0, productsChecked: 0, productsRepaired: 0 };
  const productIds = new Set<string>();
  for await (const review of Review.find(scope).select({ _id: 1, productId: 1 }).lean().cursor()) {
    outcome.reviewsChecked += 1;
    if (review.productId) productIds.add(review.productId);
    await tallyReview(String(review._id));
  }
  for await (const aggregate of RatingAggregate.find(scope).select({ _id: 1 }).lean().cursor()) {
    productIds.add(String(aggregate._id));
  }
  for (const productId of productIds) {
    outcome.productsChecked += 1;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await RatingAggregate.findById(productId).lean();
      const totals = await countedTotals(productId);
      const same =
        current &&
        current.count === totals.count &&
        current.sum === totals.sum &&
        current.verifiedCount === totals.verifiedCount &&
        totals.perStar.every((value, index) => (current.perStar[index] ?? 0) === value);
      if (same || (!current && totals.count === 0)) break;
      const slug =
        current?.productSlug ??
        (await Review.findOne({ productId }).select({ productSlug: 1 }).lean())?.productSlug;
      if (!slug) break;
      const result = current
        ? await RatingAggregate.updateOne(
            { _id: productId, updatedAt: current.updatedAt },
            { $set: { ...totals, productSlug: slug } },
          )
        : await RatingAggregate.updateOne(
            { _id: productId },
            { $setOnInsert: { ...totals, productSlug: slug } },
            { upsert: true },
          );
      if (result.modifiedCount + result.upsertedCount === 0) continue;
      outcome.productsRepaired += 1;
      logger.warn({ productId, totals }, 'rating aggregate repaired');
      const summary = await ratingSummaryOf(productId, slug);
      await sendEvent('review', ratingSummaryChanged, summary);
      break;
    }
  }
  return outcome;
}
