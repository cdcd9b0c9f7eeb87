import { Types } from 'mongoose';
import { inngestFor } from '../../../events/inngest-client';
import { accountDeleted } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { reviewDatabase } from '../database';
import { deleteReviewPhotoFiles } from '../photo-store';
import { isObjectIdText } from '../../../ids/object-id-text';

/** Gives each review of the account a fresh random account id of its own. */
export const detachReviewsStep = defineSagaStep({
  id: 'detach-reviews',
  run: async (accountId: Types.ObjectId) => {
    const { Review, ReviewPhoto } = await reviewDatabase.models();
    const reviews = await Review.find({ accountId }, { _id: 1 }).lean();
    for (const review of reviews) {
      const detachedId = new Types.ObjectId();
      // The review's photos stay with it, under its new id.
      await ReviewPhoto.updateMany({ reviewId: review._id }, { $set: { accountId: detachedId } });
      await Review.updateOne(
        { _id: review._id, accountId },
        // The address hash would tie the reviews together again: it goes too.
        { $set: { accountId: detachedId }, $unset: { addressHash: 1 } },
      );
    }
    // Photos uploaded but never sent with a review are deleted.
    const unsent = await ReviewPhoto.find({ accountId, reviewId: null }, { photoId: 1 }).lean();
    for (const { _id, photoId } of unsent) {
      await deleteReviewPhotoFiles(photoId);
      await ReviewPhoto.deleteOne({ _id });
    }
    return { reviewsDetached: reviews.length };
  },
});

/**
 * The account's helpful votes and reports stay (the counts shoppers see stay right) under fresh
 * random ids of their own, like its reviews.
 */
export const detachFeedbackStep = defineSagaStep({
  id: 'detach-votes-and-reports',
  run: async (accountId: Types.ObjectId) => {
    const { ReviewVote, ReviewReport } = await reviewDatabase.models();
    const votes = await ReviewVote.find({ voterAccountId: accountId }, { _id: 1 }).lean();
    for (const vote of votes) {
      await ReviewVote.updateOne(
        { _id: vote._id, voterAccountId: accountId },
        { $set: { voterAccountId: new Types.ObjectId() } },
      );
    }
    const reports = await ReviewReport.find({ reporterAccountId: accountId }, { _id: 1 }).lean();
    for (const report of reports) {
      await ReviewReport.updateOne(
        { _id: report._id, reporterAccountId: accountId },
        { $set: { reporterAccountId: new Types.ObjectId() } },
      );
    }
    return { votesDetached: votes.length, reportsDetached: reports.length };
  },
});

/**
 * Account deletion, review cell: the reviews stay published with their rating, title and text
 * (other shoppers relied on them, and product rating summaries stay right), but they are
 * detached from the person: each review's account id is replaced by a fresh random id, unrelated
 * to the old one and to each other, so the reviews can no longer be tied to the account or to
 * one another. The author is shown as anonymous from then on (no name is stored here). A review
 * with a replaced id no longer matches, so a retry only finishes the rest.
 */
export const erasePersonalData = inngestFor('review').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) => {
    if (!isObjectIdText(event.data.accountId)) {
      return { reviewsDetached: 0, votesDetached: 0, reportsDetached: 0 };
    }
    const accountId = new Types.ObjectId(event.data.accountId);
    const reviews = await step.run(detachReviewsStep.id, () => detachReviewsStep.run(accountId));
    const feedback = await step.run(detachFeedbackStep.id, () => detachFeedbackStep.run(accountId));
    return { ...reviews, ...feedback };
  },
);
