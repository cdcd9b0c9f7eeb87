import { inngestFor } from '../../../events/inngest-client';
import { ratingSummaryChanged } from '../../../events/schemas';
import { searchIndex } from '../search-index';

export const pollAfterRatingStepId = 'poll products_db after a rating change';

/**
 * A product's rating summary changed (the review cell's aggregate, written onto the product):
 * this replica polls the catalogue at once, so rating facets and "sort by rating" follow without
 * waiting for the next tick. Other replicas see it at their own next poll.
 */
export const refreshOnRatingSummary = inngestFor('search').createFunction(
  { id: 'refresh-index-on-rating-summary', triggers: [ratingSummaryChanged] },
  async ({ step }) => {
    await step.run(pollAfterRatingStepId, () => searchIndex.syncNow());
  },
);
