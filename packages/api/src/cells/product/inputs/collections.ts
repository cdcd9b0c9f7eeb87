import { collectionSorts } from '@shop/db/product';
import { z } from 'zod';
import { requiredShownText, shownParagraphs, shownText } from '../../../text-input/shown-text';
import { paginationInput } from '../../../trpc/pagination';
import { minorUnitsInput, objectIdInput, slugInput } from '../inputs';
import { tagInput } from './tags';

/**
 * Inputs of the collection procedures (procedures/staff-collections.ts and
 * procedures/collections.ts). A collection is manual (staff's ordered list of products) or
 * rule-based (products matching all or any of up to 10 conditions).
 */

export const maxManualProducts = 500;
export const maxConditions = 10;

/** One rule condition; each field has the operators that make sense for it. */
export const collectionConditionInput = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('tag'), operator: z.literal('is'), value: tagInput }),
  z.strictObject({
    field: z.literal('brand'),
    operator: z.literal('is'),
    value: requiredShownText(100),
  }),
  z.strictObject({ field: z.literal('category'), operator: z.literal('is'), value: slugInput }),
  z.strictObject({
    field: z.literal('price'),
    operator: z.enum(['under', 'at_least']),
    /** Compared with the cheapest variant's price, in minor units. */
    amountMinor: minorUnitsInput,
  }),
]);
export type CollectionCondition = z.infer<typeof collectionConditionInput>;

export const collectionRulesInput = z.strictObject({
  match: z.enum(['all', 'any']).default('all'),
  conditions: z
    .array(collectionConditionInput)
    .min(1, { error: 'add at least one condition' })
    .max(maxConditions, { error: `at most ${maxConditions} conditions` }),
});
export type CollectionRules = z.infer<typeof collectionRulesInput>;

/** Everything staff set on a collection; a save sends all of it (so a retried save is a no-op). */
export const collectionFieldsInput = z
  .strictObject({
    handle: slugInput,
    title: requiredShownText(120),
    description: shownParagraphs(2000).default(''),
    kind: z.enum(['manual', 'rule']),
    /** Manual collections: the products in the order shoppers see them. */
    productIds: z
      .array(objectIdInput)
      .max(maxManualProducts, { error: `at most ${maxManualProducts} products` })
      .default([]),
    match: z.enum(['all', 'any']).default('all'),
    conditions: z
      .array(collectionConditionInput)
      .max(maxConditions, { error: `at most ${maxConditions} conditions` })
      .default([]),
    /** Default: staff's order for manual collections, newest first for rule ones. */
    sort: z.enum(collectionSorts).optional(),
  })
  .superRefine((collection, context) => {
    if (collection.kind === 'rule') {
      if (collection.conditions.length === 0) {
        context.addIssue({
          code: 'custom',
          path: ['conditions'],
          message: 'a rule collection needs at least one condition',
        });
      }
      if (collection.productIds.length > 0) {
        context.addIssue({
          code: 'custom',
          path: ['productIds'],
          message: 'products join a rule collection by matching its conditions',
        });
      }
      if (collection.sort === 'manual') {
        context.addIssue({
          code: 'custom',
          path: ['sort'],
          message: 'a rule collection has no manual order; choose newest, price or name',
        });
      }
    } else {
      if (collection.conditions.length > 0) {
        context.addIssue({
          code: 'custom',
          path: ['conditions'],
          message: 'a manual collection has no conditions',
        });
      }
      if (new Set(collection.productIds).size !== collection.productIds.length) {
        context.addIssue({
          code: 'custom',
          path: ['productIds'],
          message: 'a product is listed twice',
        });
      }
    }
  })
  .transform((collection) => ({
    ...collection,
    sort: collection.sort ?? (collection.kind === 'manual' ? 'manual' : 'newest'),
  }));
export type CollectionFields = z.output<typeof collectionFieldsInput>;

// ---- Staff (procedures/staff-collections.ts)

/**
 * `product.createCollection`: a retry of the same create (same handle, same fields) answers the
 * collection it made; another collection's handle is a CONFLICT.
 */
export const createCollectionInput = collectionFieldsInput;
export type CreateCollectionInput = z.output<typeof createCollectionInput>;

/**
 * `product.updateCollection`: replaces every field. `expectedVersion` is the version the editor
 * loaded; a save after someone else's is refused (CONFLICT) unless it asks for what is stored.
 */
export const updateCollectionInput = z.strictObject({
  id: objectIdInput,
  expectedVersion: z.number().int().min(0).optional(),
  collection: collectionFieldsInput,
});
export type UpdateCollectionInput = z.output<typeof updateCollectionInput>;

export const deleteCollectionInput = z.strictObject({ id: objectIdInput });
export type DeleteCollectionInput = z.output<typeof deleteCollectionInput>;

export const collectionByIdInput = z.strictObject({ id: objectIdInput });
export type CollectionByIdInput = z.output<typeof collectionByIdInput>;

export const adminCollectionsInput = z
  .strictObject({ q: shownText(100).optional(), ...paginationInput })
  .default({ page: 1, pageSize: 24 });
export type AdminCollectionsInput = z.output<typeof adminCollectionsInput>;

/** The editor's live preview: what these conditions match now, before saving. */
export const previewCollectionInput = z.strictObject({
  ...collectionRulesInput.shape,
  pageSize: z.number().int().min(1).max(48).default(12),
});
export type PreviewCollectionInput = z.output<typeof previewCollectionInput>;

export const productCollectionsInput = z.strictObject({ productId: objectIdInput });
export type ProductCollectionsInput = z.output<typeof productCollectionsInput>;

/** Adds a product at the end of a manual collection; adding it again changes nothing. */
export const addToCollectionInput = z.strictObject({
  collectionId: objectIdInput,
  productId: objectIdInput,
});
export type AddToCollectionInput = z.output<typeof addToCollectionInput>;

export const removeFromCollectionInput = addToCollectionInput;
export type RemoveFromCollectionInput = z.output<typeof removeFromCollectionInput>;

// ---- Shoppers (procedures/collections.ts)

export const collectionPageInput = z.strictObject({ handle: slugInput, ...paginationInput });
export type CollectionPageInput = z.output<typeof collectionPageInput>;
