import { eventType } from 'inngest';
import { z } from 'zod';

/**
 * Every event that crosses cells, named `domain/thing.happened`. Each cell's Inngest app uses
 * these same definitions as triggers and when sending, so sender and receiver agree on shapes.
 * Inngest rejects schemas with transforms, so these are plain shapes.
 */
export const userRegistered = eventType('auth/user.registered', {
  schema: z.object({
    accountId: z.string().min(1),
    email: z.email(),
    name: z.string(),
  }),
});

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

export const searchPerformed = eventType('search/search.performed', {
  schema: z.object({
    query: z.string(),
    resultCount: z.number().int().nonnegative(),
    zeroResults: z.boolean(),
    requestId: z.string().optional(),
  }),
});

export const productUpdated = eventType('product/product.updated', {
  schema: z.object({
    productId: z.string().min(1),
    slug: z.string().min(1),
  }),
});

export const shopEvents = { userRegistered, orderCreated, searchPerformed, productUpdated };
