import { eventType } from 'inngest';
import { z } from 'zod';

/** Events the order cell sends. */
export const orderCreated = eventType('order/order.created', {
  schema: z.object({
    orderId: z.string().min(1),
    accountId: z.string().min(1),
    totalMinor: z.number().int().nonnegative(),
    currency: z.string().length(3),
    lines: z.array(
      z.object({
        productId: z.string().min(1),
        quantity: z.number().int().positive(),
        unitPriceMinor: z.number().int().nonnegative(),
      }),
    ),
  }),
});
