import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/**
 * A synonym rule. `two-way`: every term finds what any other finds (`tee` = `t-shirt`).
 * `one-way`: the first term also finds the others, not the reverse (`couch` -> `sofa`).
 * `key` is derived from the normalised terms by the search cell, so saving the same rule twice
 * writes one document.
 */
export const searchSynonymSchema = new Schema(
  {
    /** Derived from the rule by the search cell; the rule's id. */
    key: { type: String, required: true },
    direction: { type: String, enum: ['two-way', 'one-way'], required: true },
    /** As staff typed them; for `one-way` the first is the source. */
    terms: { type: [String], required: true },
  },
  { timestamps: true },
);

searchSynonymSchema.index({ key: 1 }, { unique: true });

export type SearchSynonym = InferSchemaType<typeof searchSynonymSchema>;

export function searchSynonymModel(connection: Connection): Model<SearchSynonym> {
  return connection.model<SearchSynonym>('SearchSynonym', searchSynonymSchema);
}
