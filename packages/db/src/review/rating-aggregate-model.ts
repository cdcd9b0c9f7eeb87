import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** How many claims an aggregate remembers: far more than can be in flight for one product. */
export const appliedClaimsKept = 500;

/**
 * A product's published reviews summed: count, sum of stars, count per star (index 0 = one star),
 * verified count. Changed only by `$inc` with a claim id that is pushed in the same update, so a
 * retried tally never counts twice (see the review cell's `rating-tally.ts`).
 */
export const ratingAggregateSchema = new Schema(
  {
    /** The product's id. */
    _id: { type: Schema.Types.ObjectId, required: true },
    productSlug: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    sum: { type: Number, required: true, default: 0 },
    perStar: { type: [Number], required: true, default: () => [0, 0, 0, 0, 0] },
    verifiedCount: { type: Number, required: true, default: 0 },
    appliedClaims: { type: [String], default: [] },
  },
  { timestamps: true },
);
// `review.summary` finds a product's aggregate by the slug the product page knows.
ratingAggregateSchema.index({ productSlug: 1 });

export type RatingAggregate = InferSchemaType<typeof ratingAggregateSchema>;

export function ratingAggregateModel(connection: Connection) {
  return connection.model('RatingAggregate', ratingAggregateSchema);
}
