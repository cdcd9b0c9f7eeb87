import type { InngestFunction } from 'inngest';
import { inngestFor } from '../../events/inngest-client';
import { productUpdated } from '../../events/schemas';
import { searchIndex } from './search-index';

const inngest = inngestFor('search');

/**
 * A catalog change reaches ONE search replica through this event; that replica polls at once
 * instead of at its next tick. Every other replica sees the change at its own next poll, so
 * freshness never depends on the event arriving.
 */
export const refreshOnProductUpdate = inngest.createFunction(
  { id: 'refresh-index-on-product-update', triggers: [productUpdated] },
  async ({ step }) => {
    await step.run('poll products_db', () => searchIndex.syncNow());
  },
);

export const searchFunctions: InngestFunction.Any[] = [refreshOnProductUpdate];
