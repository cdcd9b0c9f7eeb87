import { eventType } from 'inngest';
import { z } from 'zod';

/** Events the product cell sends. */
export const productUpdated = eventType('product/product.updated', {
  schema: z.object({
    productId: z.string().min(1),
    slug: z.string().min(1),
  }),
});
