import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/**
 * A query that sends the shopper to a page instead of results (`returns` -> `/help/returns`).
 * `key` is the normalised query, so one query has at most one redirect.
 */
export const searchRedirectSchema = new Schema(
  {
    /** Derived from the rule by the search cell; the rule's id. */
    key: { type: String, required: true },
    /** The query as staff typed it. */
    query: { type: String, required: true },
    /** A same-site path (`/help/returns`) or an http(s) URL; checked by the search cell. */
    url: { type: String, required: true },
  },
  { timestamps: true },
);

searchRedirectSchema.index({ key: 1 }, { unique: true });

export type SearchRedirect = InferSchemaType<typeof searchRedirectSchema>;

export function searchRedirectModel(connection: Connection): Model<SearchRedirect> {
  return connection.model<SearchRedirect>('SearchRedirect', searchRedirectSchema);
}
