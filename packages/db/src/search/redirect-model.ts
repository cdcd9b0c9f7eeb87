import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/**
 * A query that sends the shopper to a page instead of results (`returns` -> `/help/returns`).
 * `_id` is the normalised query, so one query has at most one redirect.
 */
export const searchRedirectSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The query as staff typed it. */
    query: { type: String, required: true },
    /** A same-site path (`/help/returns`) or an http(s) URL; checked by the search cell. */
    url: { type: String, required: true },
  },
  { timestamps: true },
);

export type SearchRedirect = InferSchemaType<typeof searchRedirectSchema>;

export function searchRedirectModel(connection: Connection): Model<SearchRedirect> {
  return connection.model<SearchRedirect>('SearchRedirect', searchRedirectSchema);
}
