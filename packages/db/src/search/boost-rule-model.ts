import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/**
 * Moves products that match a condition up (`boost`) or down (`bury`) among equally good
 * matches: in stock, a brand, a category (slug). `query` empty: every search; else only that
 * normalised query. `key` is derived from all four, so the same rule saved twice is one document.
 */
export const searchBoostRuleSchema = new Schema(
  {
    /** Derived from the rule by the search cell; the rule's id. */
    key: { type: String, required: true },
    effect: { type: String, enum: ['boost', 'bury'], required: true },
    field: { type: String, enum: ['inStock', 'brand', 'category'], required: true },
    /** The brand name or category slug; empty for `inStock`. */
    value: { type: String, default: '' },
    query: { type: String, default: '' },
  },
  { timestamps: true },
);

searchBoostRuleSchema.index({ key: 1 }, { unique: true });

export type SearchBoostRule = InferSchemaType<typeof searchBoostRuleSchema>;

export function searchBoostRuleModel(connection: Connection): Model<SearchBoostRule> {
  return connection.model<SearchBoostRule>('SearchBoostRule', searchBoostRuleSchema);
}
