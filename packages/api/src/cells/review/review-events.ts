import type { Logger } from 'pino';
import { sendEvent } from '../../events/inngest-client';
import { reviewChanged } from './events';

/**
 * Tells the tally a review changed. The write already happened; if the event cannot be sent the
 * aggregate is behind until `review.recomputeAggregates` runs, so the failure is logged loudly
 * rather than failing a shopper's saved review.
 */
export async function announceReviewChange(
  logger: Logger,
  review: { _id: unknown; productId?: string | null; version: number },
): Promise<void> {
  if (!review.productId) return;
  try {
    await sendEvent('review', reviewChanged, {
      reviewId: String(review._id),
      productId: review.productId,
      version: review.version,
    });
  } catch (error) {
    logger.error(
      { err: error, reviewId: String(review._id) },
      'review saved but review/review.changed not sent: the rating aggregate is behind until recomputed',
    );
  }
}
