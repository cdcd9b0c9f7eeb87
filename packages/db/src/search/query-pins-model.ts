import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/**
 * Products pinned to the top (in this order) and products hidden for one query. `key` is the
 * normalised query: one document per query.
 */
export const searchQueryPinsSchema = new Schema(
  {
    /** Derived from the rule by the search cell; the rule's id. */
    key: { type: String, required: true },
    query: { type: String, required: true },
    /** Product ids, first shown first. */
    pinned: { type: [String], default: () => [] },
    hidden: { type: [String], default: () => [] },
  },
  { timestamps: true },
);

searchQueryPinsSchema.index({ key: 1 }, { unique: true });

export type SearchQueryPins = InferSchemaType<typeof searchQueryPinsSchema>;

export function searchQueryPinsModel(connection: Connection): Model<SearchQueryPins> {
  return connection.model<SearchQueryPins>('SearchQueryPins', searchQueryPinsSchema);
}
