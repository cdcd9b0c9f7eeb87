import { eventType } from 'inngest';
import { z } from 'zod';

/**
 * A review was written, edited, moderated, deleted or anonymised: the review cell's own tally
 * function brings the product's rating aggregate up to date (idempotent per review version).
 */
export const reviewChanged = eventType('review/review.changed', {
  schema: z.object({
    reviewId: z.string().min(1),
    productId: z.string().min(1),
    version: z.number().int().positive(),
  }),
});

/**
 * A product's rating aggregate changed (the numbers as they are after the change). The review
 * cell writes it onto the product (`product.setRatingSummary`), and the search cell refreshes its
 * index at once instead of at its next poll.
 */
export const ratingSummaryChanged = eventType('review/rating-summary.changed', {
  schema: z.object({
    productId: z.string().min(1),
    productSlug: z.string().min(1),
    average: z.number().min(0).max(5),
    count: z.number().int().nonnegative(),
    perStar: z.array(z.number().int().nonnegative()).length(5),
    verifiedCount: z.number().int().nonnegative(),
  }),
});
