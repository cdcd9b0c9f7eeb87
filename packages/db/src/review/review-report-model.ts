import { type Connection, type InferSchemaType, Schema } from 'mongoose';

export const reviewReportReasons = [
  'offensive',
  'spam',
  'off_topic',
  'personal_data',
  'fake',
  'other',
] as const;
export type ReviewReportReason = (typeof reviewReportReasons)[number];

/** A shopper's report of a review; `_id` derived from (review, reporter): one report each. */
export const reviewReportSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    reviewId: { type: Schema.Types.ObjectId, required: true },
    reporterAccountId: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, enum: reviewReportReasons, required: true },
    note: { type: String, default: '' },
  },
  { timestamps: true },
);
reviewReportSchema.index({ reviewId: 1, createdAt: -1 });
reviewReportSchema.index({ reporterAccountId: 1, createdAt: -1 });

export type ReviewReport = InferSchemaType<typeof reviewReportSchema>;

export function reviewReportModel(connection: Connection) {
  return connection.model('ReviewReport', reviewReportSchema);
}
