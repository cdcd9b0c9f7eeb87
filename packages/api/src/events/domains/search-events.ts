import { eventType } from 'inngest';
import { z } from 'zod';

/** Events the search cell sends. */
export const searchPerformed = eventType('search/search.performed', {
  schema: z.object({
    query: z.string(),
    resultCount: z.number().int().nonnegative(),
    zeroResults: z.boolean(),
    requestId: z.string().optional(),
  }),
});
