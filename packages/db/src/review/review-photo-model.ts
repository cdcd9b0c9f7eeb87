import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * A photo a shopper uploaded for a review. Uploads come before the review is sent, so each is
 * recorded with its uploader: a review may only use the author's own photos, and each photo
 * belongs to one review at most (`reviewId`, set when the review takes it).
 */
export const reviewPhotoSchema = new Schema(
  {
    /** 32 random hex digits; also the folder of its files in the review cell's store. */
    photoId: { type: String, required: true },
    accountId: { type: Schema.Types.ObjectId, required: true },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    reviewId: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
reviewPhotoSchema.index({ photoId: 1 }, { unique: true });
reviewPhotoSchema.index({ reviewId: 1 });
// Uploads per account in the last hour (the upload throttle).
reviewPhotoSchema.index({ accountId: 1, createdAt: -1 });

export type ReviewPhoto = InferSchemaType<typeof reviewPhotoSchema>;

export function reviewPhotoModel(connection: Connection) {
  return connection.model('ReviewPhoto', reviewPhotoSchema);
}
