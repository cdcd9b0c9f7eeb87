import { type Connection, type InferSchemaType, Schema } from 'mongoose';

export const reviewVoteValues = ['helpful', 'unhelpful'] as const;
export type ReviewVoteValue = (typeof reviewVoteValues)[number];

/**
 * One shopper's "Was this helpful?" answer on one review. `_id` is derived from (review, voter),
 * so a second vote, however concurrent, meets the first document and changes it.
 */
export const reviewVoteSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    reviewId: { type: Schema.Types.ObjectId, required: true },
    voterAccountId: { type: Schema.Types.ObjectId, required: true },
    value: { type: String, enum: reviewVoteValues, required: true },
  },
  { timestamps: true },
);
reviewVoteSchema.index({ voterAccountId: 1, createdAt: -1 });

export type ReviewVote = InferSchemaType<typeof reviewVoteSchema>;

export function reviewVoteModel(connection: Connection) {
  return connection.model('ReviewVote', reviewVoteSchema);
}
