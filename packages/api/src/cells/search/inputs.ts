import { z } from 'zod';
import { paginationInput } from '../../trpc/pagination';
import { mainAttributeNames } from './indexed-product';
import { parsePriceRange } from './price-buckets';

// Every input the search cell accepts, one schema per procedure (`<procedure>Input`).

/** How results can be ordered; `relevance` is the default. */
export const searchSorts = ['relevance', 'price_asc', 'price_desc', 'newest', 'rating'] as const;
export type SearchSort = (typeof searchSorts)[number];

/** Longest query accepted: longer text is not a search, and costs the index time. */
export const maxQueryLength = 200;
const maxValuesPerFilter = 50;

const filterValue = z.string().trim().min(1).max(100);
const filterValues = z.array(filterValue).max(maxValuesPerFilter);

const priceRangeKey = z
  .string()
  .trim()
  .max(40)
  .superRefine((key, context) => {
    const parsed = parsePriceRange(key);
    if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
  });

/**
 * Filters are strict objects: a key the cell does not know (a facet that does not exist, a typo)
 * is refused with a 400 that names it, instead of being silently ignored.
 */
export const searchFiltersInput = z
  .object({
    /** A category slug; includes everything in its subcategories. */
    category: z.string().trim().min(1).max(100).optional(),
    brands: filterValues.optional(),
    /** Price range keys `<min>-<max>` in minor units (the price facet's values). */
    price: z.array(priceRangeKey).max(maxValuesPerFilter).optional(),
    ratingAtLeast: z.number().int().min(1).max(4).optional(),
    /** true: only products in stock; false or absent: no restriction. */
    inStock: z.boolean().optional(),
    attributes: z
      .object(Object.fromEntries(mainAttributeNames.map((name) => [name, filterValues.optional()])))
      .strict()
      .optional(),
  })
  .strict();

export type SearchFilters = z.infer<typeof searchFiltersInput>;

/**
 * `search.query`: words (optional: an empty `q` with a category filter browses it), filters,
 * sort and page.
 */
export const queryInput = z
  .object({
    q: z.string().trim().max(maxQueryLength).optional(),
    /**
     * Every word as typed: no words dropped or corrected, no fewer-word matches appended (the
     * storefront's "search instead for exactly ..." link).
     */
    exact: z.boolean().default(false),
    filters: searchFiltersInput.optional(),
    sort: z.enum(searchSorts).default('relevance'),
    ...paginationInput,
  })
  .strict();

export type QueryInput = z.infer<typeof queryInput>;

/** `search.suggest`: the text typed so far. */
export const suggestInput = z.object({ q: z.string().trim().max(maxQueryLength) }).strict();
export type SuggestInput = z.infer<typeof suggestInput>;
