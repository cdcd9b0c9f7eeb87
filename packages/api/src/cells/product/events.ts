import { eventType } from 'inngest';
import { z } from 'zod';
import { objectIdTextPattern } from '../../ids/object-id-text';

/** Events the product cell sends, each after its write succeeded. */
const productRef = z.object({
  productId: z.string().min(1),
  slug: z.string().min(1),
});

/** Anything shoppers see of the product changed (fields, price, status, in-stock flag). */
export const productUpdated = eventType('product/product.updated', { schema: productRef });
export const productCreated = eventType('product/product.created', { schema: productRef });
export const productArchived = eventType('product/product.archived', { schema: productRef });

/** A category was created, renamed, moved or deleted: navigation and listings refresh. */
export const categoryUpdated = eventType('product/category.updated', {
  schema: z.object({ slug: z.string().min(1) }),
});

/** A SKU's available units fell to or below its low-stock threshold. */
export const stockLow = eventType('product/stock.low', {
  schema: z.object({
    sku: z.string().min(1),
    productId: z.string().min(1),
    available: z.number().int().min(0),
  }),
});

/** A previewed CSV import was confirmed and is large: the product cell applies it in the background. */
export const csvImportRequested = eventType('product/csv-import.requested', {
  schema: z.object({ importId: z.string().regex(objectIdTextPattern) }),
});

/**
 * A CSV import ended: every row applied, or it stopped (`message` says why). The notification
 * cell tells staff, who may have left the page long ago.
 */
export const csvImportFinished = eventType('product/csv-import.finished', {
  schema: z.object({
    importId: z.string().regex(objectIdTextPattern),
    outcome: z.enum(['completed', 'failed']),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    message: z.string().max(500).optional(),
  }),
});

/** A collection was created, changed or deleted: its storefront page and the links to it refresh. */
export const collectionUpdated = eventType('product/collection.updated', {
  schema: z.object({ handle: z.string().min(1) }),
});
