import { inngestFor } from '../../../events/inngest-client';
import { productArchived, productUpdated, stockLow } from '../../../events/schemas';
import { refreshProductSkus } from '../sku-projection';

/** This function's step (id: the executor stores runs by it). */
export const refreshSkuProjectionStepIds = { refresh: 'refresh-projected-skus' } as const;

/**
 * Keeps the order cell's catalog projection (carts' prices and stock) close to the product cell:
 * a product changed (price, publication, a SKU selling out or coming back), was archived, or a
 * SKU ran low, so the entries of that product's SKUs are asked fresh and replaced. The event is
 * only the signal: each run reads the product cell as it is now and the write keeps the newest
 * answer, so events arriving late, out of order or twice change nothing they should not.
 */
export const refreshSkuProjection = inngestFor('order').createFunction(
  {
    id: 'refresh-sku-projection',
    triggers: [productUpdated, productArchived, stockLow],
    retries: 5,
  },
  async ({ event, step }) =>
    step.run(refreshSkuProjectionStepIds.refresh, async () => ({
      refreshed: await refreshProductSkus(event.data.productId),
    })),
);
