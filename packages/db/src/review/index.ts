import { type Connection } from 'mongoose';
import { reviewModel } from './review-model';

export * from './review-model';

/** The review domain's models, bound to the reviews database connection. */
export function reviewModels(connection: Connection) {
  return { Review: reviewModel(connection) };
}
export type ReviewModels = ReturnType<typeof reviewModels>;
