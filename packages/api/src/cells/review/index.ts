import type { CellDefinition } from '../cell-definition';
import { reviewDatabase } from './database';
import { reviewFunctions } from './functions';
import {
  readReviewPhotoRoute,
  reviewPhotoReadPath,
  reviewPhotoUploadPath,
  uploadReviewPhoto,
} from './photo-routes';
import { reviewRouter } from './router';

export const reviewCell: CellDefinition = {
  name: 'review',
  router: reviewRouter,
  functions: reviewFunctions,
  database: reviewDatabase.database,
  // Review photos: uploads from the storefront's server, reads for the apps' /media/review/[id].
  httpRoutes: {
    [reviewPhotoUploadPath]: { method: 'POST', handle: uploadReviewPhoto },
    [reviewPhotoReadPath]: readReviewPhotoRoute,
  },
};
