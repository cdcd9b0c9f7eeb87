import { inngestFor, sendEvent } from '../../../events/inngest-client';
import { ratingSummaryChanged, reviewChanged } from '../events';
import { tallyReview } from '../rating-tally';
import { ratingSummaryOf } from '../rating-summary';

export const tallyStepId = 'tally review';
export const announceSummaryStepId = 'announce rating summary';

/**
 * Keeps a product's rating aggregate in step with one review (`rating-tally.ts`: incremental,
 * once per change however often the event arrives), then announces the product's new summary
 * (read fresh, so announcements arriving out of order still end on the current numbers).
 */
export const tallyReviewRating = inngestFor('review').createFunction(
  { id: 'tally-review-rating', triggers: [reviewChanged] },
  async ({ event, step }) => {
    const outcome = await step.run(tallyStepId, () => tallyReview(event.data.reviewId));
    if (!outcome.changed || !outcome.productId || !outcome.productSlug) return outcome;
    const { productId, productSlug } = outcome;
    await step.run(announceSummaryStepId, async () => {
      await sendEvent(
        'review',
        ratingSummaryChanged,
        await ratingSummaryOf(productId, productSlug),
      );
    });
    return outcome;
  },
);
