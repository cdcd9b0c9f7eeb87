import { reviewModels } from '@shop/db/review';
import { domainDatabase } from '../domain-database';

/** reviews_db: only the review cell opens it. */
export const reviewDatabase = domainDatabase('review', reviewModels);
