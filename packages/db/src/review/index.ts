import { type Connection } from 'mongoose';
import { ratingAggregateModel } from './rating-aggregate-model';
import { reviewLinkUseModel } from './review-link-use-model';
import { reviewModel } from './review-model';
import { reviewPhotoModel } from './review-photo-model';
import { reviewReportModel } from './review-report-model';
import { reviewVoteModel } from './review-vote-model';

export * from './rating-aggregate-model';
export * from './review-link-use-model';
export * from './review-model';
export * from './review-photo-model';
export * from './review-report-model';
export * from './review-vote-model';

/** The review domain's models, bound to the reviews database connection. */
export function reviewModels(connection: Connection) {
  return {
    Review: reviewModel(connection),
    ReviewVote: reviewVoteModel(connection),
    ReviewReport: reviewReportModel(connection),
    ReviewPhoto: reviewPhotoModel(connection),
    RatingAggregate: ratingAggregateModel(connection),
    ReviewLinkUse: reviewLinkUseModel(connection),
  };
}
export type ReviewModels = ReturnType<typeof reviewModels>;
