import { serviceCellClient } from '../../../cross-cell/service-client';
import { inngestFor } from '../../../events/inngest-client';
import { ratingSummaryChanged } from '../events';
import { ratingSummaryOf } from '../rating-summary';

export const writeSummaryStepId = 'write rating summary onto the product';

/**
 * Writes a product's rating summary onto the product (`product.setRatingSummary`, a service
 * call), which product cards, listings and the search index read. The numbers are read fresh
 * from the aggregate, so a late or repeated event writes the current summary, never an old one.
 */
export const publishRatingSummary = inngestFor('review').createFunction(
  { id: 'publish-rating-summary', triggers: [ratingSummaryChanged] },
  async ({ event, step }) => {
    const { productId, productSlug } = event.data;
    return step.run(writeSummaryStepId, async () => {
      const summary = await ratingSummaryOf(productId, productSlug);
      await serviceCellClient('review').product.setRatingSummary.mutate({
        productId,
        average: summary.average,
        count: summary.count,
      });
      return { productId, average: summary.average, count: summary.count };
    });
  },
);
