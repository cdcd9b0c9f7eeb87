import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * A review request link that has written its review. `_id` is derived from (order, product,
 * account), the link's whole meaning, so a second use meets this document and is refused even
 * after the review was deleted. Kept past the links' 45 days and then dropped by MongoDB (TTL).
 */
export const reviewLinkUseSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    reviewId: { type: Schema.Types.ObjectId, required: true },
    usedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
reviewLinkUseSchema.index({ usedAt: 1 }, { expireAfterSeconds: 60 * 24 * 60 * 60 });

export type ReviewLinkUse = InferSchemaType<typeof reviewLinkUseSchema>;

export function reviewLinkUseModel(connection: Connection) {
  return connection.model('ReviewLinkUse', reviewLinkUseSchema);
}
