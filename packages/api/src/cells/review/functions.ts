import type { InngestFunction } from 'inngest';
import { erasePersonalData } from './functions/erase-personal-data';
import { publishRatingSummary } from './functions/publish-rating-summary';
import { requestReviews } from './functions/request-reviews';
import { sweepUnattachedReviewPhotos } from './functions/sweep-unattached-review-photos';
import { tallyReviewRating } from './functions/tally-review-rating';

/** The review cell's Inngest functions. */
export const reviewFunctions: InngestFunction.Any[] = [
  erasePersonalData,
  tallyReviewRating,
  publishRatingSummary,
  requestReviews,
  sweepUnattachedReviewPhotos,
];
