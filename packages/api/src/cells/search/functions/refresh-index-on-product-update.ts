import { inngestFor } from '../../../events/inngest-client';
import { productUpdated } from '../../../events/schemas';
import { searchIndex } from '../search-index';

const inngest = inngestFor('search');

export const pollCatalogStepId = 'poll products_db';

/**
 * A catalog change reaches ONE search replica through this event; that replica polls at once
 * instead of at its next tick. Every other replica sees the change at its own next poll, so
 * freshness never depends on the event arriving.
 */
export const refreshOnProductUpdate = inngest.createFunction(
  { id: 'refresh-index-on-product-update', triggers: [productUpdated] },
  async ({ step }) => {
    await step.run(pollCatalogStepId, () => searchIndex.syncNow());
  },
);
