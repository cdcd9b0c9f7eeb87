import { z } from 'zod';
import { objectIdTextPattern } from '../../ids/object-id-text';
import { paginationInput } from '../../trpc/pagination';
import { mainAttributeNames } from './indexed-product';
import { parsePriceRange } from './price-buckets';
import { redirectTargetProblem } from './redirect-target';
import { ruleQueryKey } from './rule-query-key';

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

// Merchandising (staff): rules are whole values; ids are derived from them (rule-ids.ts).

const ruleText = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((text) => ruleQueryKey(text) !== '', 'Needs at least one letter or digit.');
const ruleId = z.string().trim().min(1).max(2500);
const productIds = (max: number) =>
  z.array(z.string().regex(objectIdTextPattern, 'Not a product id.')).max(max);

const synonymFields = {
  direction: z.enum(['two-way', 'one-way']),
  /** `one-way`: the first term also finds the others. */
  terms: z.array(ruleText).min(2).max(20),
};
function eachTermOnce(rule: { terms: string[] }, context: z.RefinementCtx): void {
  const keys = rule.terms.map(ruleQueryKey);
  if (new Set(keys).size !== keys.length) {
    context.addIssue({ code: 'custom', path: ['terms'], message: 'Each term only once.' });
  }
}
const synonymRule = z.object(synonymFields).strict().superRefine(eachTermOnce);

const redirectFields = {
  query: ruleText,
  url: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .superRefine((url, context) => {
      const problem = redirectTargetProblem(url);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
};
const redirectRule = z.object(redirectFields).strict();

const queryPinsRule = z
  .object({
    query: ruleText,
    pinned: productIds(50),
    hidden: productIds(200),
  })
  .strict()
  .superRefine((rule, context) => {
    const pinned = rule.pinned.map((id) => id.toLowerCase());
    if (new Set(pinned).size !== pinned.length) {
      context.addIssue({ code: 'custom', path: ['pinned'], message: 'Each product once.' });
    }
    if (rule.hidden.some((id) => pinned.includes(id.toLowerCase()))) {
      context.addIssue({
        code: 'custom',
        path: ['hidden'],
        message: 'A product cannot be both pinned and hidden.',
      });
    }
  });

const boostRule = z
  .object({
    effect: z.enum(['boost', 'bury']),
    field: z.enum(['inStock', 'brand', 'category']),
    /** Brand name or category slug; empty for `inStock`. */
    value: z.string().trim().max(100).default(''),
    /** Empty: every search. */
    query: z
      .string()
      .trim()
      .max(100)
      .default('')
      .refine((text) => text === '' || ruleQueryKey(text) !== '', 'Needs a letter or digit.'),
  })
  .strict()
  .superRefine((rule, context) => {
    if (rule.field !== 'inStock' && rule.value === '') {
      context.addIssue({ code: 'custom', path: ['value'], message: `Name the ${rule.field}.` });
    }
  });

/** `search.saveSynonym`: `replaces` names the rule an edit replaces (deleted if different). */
export const saveSynonymInput = z
  .object({ ...synonymFields, replaces: ruleId.optional() })
  .strict()
  .superRefine(eachTermOnce);
export type SaveSynonymInput = z.infer<typeof saveSynonymInput>;
export const deleteSynonymInput = z.object({ id: ruleId }).strict();
export type DeleteSynonymInput = z.infer<typeof deleteSynonymInput>;

export const saveRedirectInput = z
  .object({ ...redirectFields, replaces: ruleId.optional() })
  .strict();
export type SaveRedirectInput = z.infer<typeof saveRedirectInput>;
export const deleteRedirectInput = z.object({ id: ruleId }).strict();
export type DeleteRedirectInput = z.infer<typeof deleteRedirectInput>;

/** `search.saveQueryPins`: the query's whole pin and hide lists; both empty removes the rule. */
export const saveQueryPinsInput = queryPinsRule;
export type SaveQueryPinsInput = z.infer<typeof saveQueryPinsInput>;

export const saveBoostRuleInput = boostRule;
export type SaveBoostRuleInput = z.infer<typeof saveBoostRuleInput>;
export const deleteBoostRuleInput = z.object({ id: ruleId }).strict();
export type DeleteBoostRuleInput = z.infer<typeof deleteBoostRuleInput>;

/**
 * `search.preview`: a query answered with draft rules. Each kind given replaces the stored rules
 * of that kind for this answer only; a kind left out uses the stored ones.
 */
export const previewInput = z
  .object({
    q: z.string().trim().min(1).max(maxQueryLength),
    filters: searchFiltersInput.optional(),
    rules: z
      .object({
        synonyms: z.array(synonymRule).max(1000).optional(),
        redirects: z.array(redirectRule).max(1000).optional(),
        pins: z.array(queryPinsRule).max(1000).optional(),
        boosts: z.array(boostRule).max(200).optional(),
      })
      .strict()
      .default({}),
    ...paginationInput,
  })
  .strict();
export type PreviewInput = z.infer<typeof previewInput>;
