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

/**
 * A review request (or its one reminder) is due: the order was delivered, the wait is over, and
 * these products of it are not reviewed yet. The notification cell mails it as marketing, so its
 * consent check, suppression list and unsubscribe headers apply. `token` is each product's signed
 * link (request-link.ts): it lets whoever holds it write that one review, so nothing may log
 * this event's data.
 */
export const reviewRequestDue = eventType('review/review-request.due', {
  schema: z.object({
    kind: z.enum(['request', 'reminder']),
    orderId: z.string().min(1),
    orderNumber: z.string().min(1),
    accountId: z.string().min(1),
    email: z.string().email(),
    products: z.array(z.object({ name: z.string().min(1), token: z.string().min(20) })).min(1),
  }),
});
