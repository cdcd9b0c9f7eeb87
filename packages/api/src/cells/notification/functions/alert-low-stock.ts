import { inngestFor } from '../../../events/inngest-client';
import { stockLow } from '../../../events/schemas';
import { raiseAndNotify } from '../staff-alert-steps';

/**
 * Low stock (the product cell's `product/stock.low`): one alert per SKU per day (UTC), however
 * many sales take it lower that day, so the list stays readable.
 */
export const alertLowStock = inngestFor('notification').createFunction(
  { id: 'alert-low-stock', retries: 5, triggers: [stockLow] },
  async ({ event, step }) =>
    raiseAndNotify(step, {
      kind: 'low-stock',
      cause: `${event.data.sku}:${(event.ts ? new Date(event.ts) : new Date()).toISOString().slice(0, 10)}`,
      title: `Low stock: ${event.data.sku}`,
      detail: `${event.data.available} available to sell.`,
      href: `/inventory?search=${encodeURIComponent(event.data.sku)}`,
    }),
);
