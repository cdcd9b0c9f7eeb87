import { collectionSlugs } from '@shop/db/product';
import { z } from 'zod';

/**
 * Shapes the product cell accepts. Slugs are URL path segments: a strict shape keeps query
 * operators (`{"$gt": ""}`) and odd bytes out of database filters.
 */
export const slugInput = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "oak-desk-lamp"');

export const collectionInput = z.enum(collectionSlugs);

/** How listings can be ordered; `newest` is the default. */
export const productSorts = ['newest', 'price_asc', 'price_desc', 'rating', 'name'] as const;
export type ProductSort = (typeof productSorts)[number];

/** Integer minor units, never negative, below a sanity cap (ten million euros). */
export const minorUnitsInput = z.number().int().min(0).max(1_000_000_000);

/** SKUs: upper-case letters, digits and hyphens (stored upper-case). */
export const skuInput = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'must be letters and digits joined by hyphens')
  .transform((sku) => sku.toUpperCase());

/** Mongo ObjectId as 24 hex digits: anything else is refused before it reaches a filter. */
export const objectIdInput = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-digit hex id');
