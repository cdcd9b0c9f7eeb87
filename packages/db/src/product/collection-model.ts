import {
  type Connection,
  type HydratedDocument,
  type InferSchemaType,
  Schema,
  Types,
} from 'mongoose';
import { slugField } from '../schema-fields/slug-field';

/**
 * Manual: staff list the products in order. Rule: the products matching its conditions, evaluated
 * on every read, so a product joins or leaves as soon as it changes.
 */
export const collectionKinds = ['manual', 'rule'] as const;
export type CollectionKind = (typeof collectionKinds)[number];

/** What a rule condition looks at: a tag, the brand, a category (and below it), the price. */
export const collectionRuleFields = ['tag', 'brand', 'category', 'price'] as const;
export type CollectionRuleField = (typeof collectionRuleFields)[number];

/** `is` for tag, brand and category; `under` / `at_least` for the price (cheapest variant). */
export const collectionRuleOperators = ['is', 'under', 'at_least'] as const;
export type CollectionRuleOperator = (typeof collectionRuleOperators)[number];

/** How shoppers see a collection's products; `manual` keeps staff's order (manual collections). */
export const collectionSorts = ['manual', 'newest', 'price_asc', 'price_desc', 'name'] as const;
export type CollectionSort = (typeof collectionSorts)[number];

const conditionSchema = new Schema(
  {
    field: { type: String, enum: collectionRuleFields, required: true },
    operator: { type: String, enum: collectionRuleOperators, required: true },
    /** A tag, brand or category slug (`is`). */
    value: { type: String, trim: true },
    /** A price in minor units (`under`, `at_least`). */
    amountMinor: { type: Number, min: 0 },
  },
  { _id: false },
);

export const collectionSchema = new Schema(
  {
    /** The storefront address: `/collections/<handle>`. */
    handle: slugField(),
    title: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    kind: { type: String, enum: collectionKinds, required: true },
    /** Manual collections: the products in display order (archived ones stay listed but hidden). */
    productIds: { type: [Types.ObjectId], default: [] },
    /** Rule collections: whether a product must meet every condition (`all`) or one (`any`). */
    match: { type: String, enum: ['all', 'any'], default: 'all' },
    conditions: { type: [conditionSchema], default: [] },
    sort: { type: String, enum: collectionSorts, default: 'newest' },
    /** Bumped by every staff save, for the editor's version check. */
    version: { type: Number, default: 0, min: 0 },
  },
  { timestamps: true },
);
collectionSchema.index({ handle: 1 }, { unique: true });
// "Which manual collections is this product in?" (the product editor).
collectionSchema.index({ productIds: 1 });

export type Collection = InferSchemaType<typeof collectionSchema>;
export type CollectionDocument = HydratedDocument<Collection>;

export function collectionModel(connection: Connection) {
  return connection.model('Collection', collectionSchema);
}
