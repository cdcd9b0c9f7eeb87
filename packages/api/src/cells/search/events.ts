import { eventType } from 'inngest';
import { z } from 'zod';

/** The filters a search ran with, as the search cell accepted them (facet keys only). */
const searchFiltersRecorded = z.object({
  category: z.string().optional(),
  brands: z.array(z.string()).optional(),
  price: z.array(z.string()).optional(),
  ratingAtLeast: z.number().int().optional(),
  inStock: z.boolean().optional(),
  attributes: z.record(z.string(), z.array(z.string()).optional()).optional(),
});

/** Events the search cell sends. */
export const searchPerformed = eventType('search/search.performed', {
  schema: z.object({
    /** The words searched for; empty when browsing a category. */
    query: z.string(),
    filters: searchFiltersRecorded.optional(),
    sort: z.string().optional(),
    page: z.number().int().positive().optional(),
    resultCount: z.number().int().nonnegative(),
    zeroResults: z.boolean(),
    requestId: z.string().optional(),
  }),
});
