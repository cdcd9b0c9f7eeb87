import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

export const reviewStatuses = ['pending', 'published', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const reviewSchema = new Schema(
  {
    productSlug: { type: String, required: true },
    accountId: { type: Schema.Types.ObjectId, required: true },
    rating: {
      type: Number,
      required: true,
      min: 1,
      max: 5,
      validate: { validator: Number.isInteger, message: 'rating must be a whole number of stars' },
    },
    title: { type: String, required: true, trim: true },
    body: { type: String, default: '' },
    status: { type: String, enum: reviewStatuses, required: true, default: 'pending' },
  },
  { timestamps: true },
);
// A product page lists its published reviews, newest first.
reviewSchema.index({ productSlug: 1, status: 1, createdAt: -1 });
// One review per shopper per product.
reviewSchema.index({ productSlug: 1, accountId: 1 }, { unique: true });

export type Review = InferSchemaType<typeof reviewSchema>;
export type ReviewDocument = HydratedDocument<Review>;

export function reviewModel(connection: Connection) {
  return connection.model('Review', reviewSchema);
}
