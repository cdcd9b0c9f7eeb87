import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { tooManyRequests } from '../../../trpc/retry-after';
import { reviewDatabase } from '../database';
import type { ReportInput, VoteInput } from '../inputs';
import { reviewNotFound, shopperAccountId } from '../review-access';

type Args<Input> = HandlerArgs<Input, SignedInContext>;

/** A shopper's votes and reports are throttled: enough for real reading, not for a script. */
export const feedbackLimits = { votesPerMinute: 30, reportsPerHour: 10 } as const;

const counterOf = { helpful: 'helpfulCount', unhelpful: 'unhelpfulCount' } as const;

async function votableReview(reviewId: string) {
  const { Review } = await reviewDatabase.models();
  const review = await Review.findOne({
    _id: new Types.ObjectId(reviewId),
    status: 'published',
    deletedAt: null,
  })
    .select({ accountId: 1 })
    .lean();
  if (!review) throw reviewNotFound();
  return review;
}

export interface VoteOutcome {
  helpfulCount: number;
  unhelpfulCount: number;
  myVote: 'helpful' | 'unhelpful' | null;
}

/**
 * `review.vote`: "Was this helpful?", one vote per shopper per review, changeable and revocable.
 * The vote document's `_id` is derived from (review, voter) and swapped atomically, returning
 * the previous value; the counters move by exactly that difference, so repeated and concurrent
 * votes never count twice.
 */
export async function vote({ input, ctx }: Args<VoteInput>): Promise<VoteOutcome> {
  const voterAccountId = shopperAccountId(ctx);
  const review = await votableReview(input.reviewId);
  if (review.accountId.equals(voterAccountId)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You cannot vote on your own review' });
  }
  const { Review, ReviewVote } = await reviewDatabase.models();
  const recent = await ReviewVote.countDocuments({
    voterAccountId,
    updatedAt: { $gte: new Date(Date.now() - 60_000) },
  });
  if (recent >= feedbackLimits.votesPerMinute) {
    throw tooManyRequests('Too many votes; wait a minute', 60);
  }
  const _id = derivedObjectId('review-vote', input.reviewId, String(voterAccountId));
  const inc: Record<string, number> = {};
  if (input.value === 'none') {
    const removed = await ReviewVote.findOneAndDelete({ _id }).lean();
    if (removed) inc[counterOf[removed.value]] = -1;
  } else {
    let before: { value: 'helpful' | 'unhelpful' } | null = null;
    for (let attempt = 0; ; attempt += 1) {
      try {
        before = await ReviewVote.findOneAndUpdate(
          { _id },
          {
            $set: { value: input.value },
            $setOnInsert: { reviewId: review._id, voterAccountId },
          },
          { upsert: true, returnDocument: 'before' },
        ).lean();
        break;
      } catch (error) {
        // Two first votes at once: one inserted, the other now updates it.
        if (!isDuplicateKeyError(error) || attempt >= 3) throw error;
      }
    }
    if (before?.value !== input.value) {
      inc[counterOf[input.value]] = 1;
      if (before) inc[counterOf[before.value]] = -1;
    }
  }
  const after =
    Object.keys(inc).length > 0
      ? await Review.findOneAndUpdate(
          { _id: review._id },
          { $inc: inc },
          { returnDocument: 'after' },
        )
          .select({ helpfulCount: 1, unhelpfulCount: 1 })
          .lean()
      : await Review.findById(review._id).select({ helpfulCount: 1, unhelpfulCount: 1 }).lean();
  return {
    helpfulCount: after?.helpfulCount ?? 0,
    unhelpfulCount: after?.unhelpfulCount ?? 0,
    myVote: input.value === 'none' ? null : input.value,
  };
}

/**
 * `review.report`: a shopper flags a review for moderators, with a reason. One report per
 * shopper per review (a repeat answers the same and counts nothing); the review stays visible
 * until a moderator decides.
 */
export async function report({ input, ctx }: Args<ReportInput>): Promise<{ reported: true }> {
  const reporterAccountId = shopperAccountId(ctx);
  const review = await votableReview(input.reviewId);
  const { Review, ReviewReport } = await reviewDatabase.models();
  const recent = await ReviewReport.countDocuments({
    reporterAccountId,
    createdAt: { $gte: new Date(Date.now() - 60 * 60_000) },
  });
  if (recent >= feedbackLimits.reportsPerHour) {
    throw tooManyRequests('Too many reports; try again later', 60 * 60);
  }
  try {
    await ReviewReport.create({
      _id: derivedObjectId('review-report', input.reviewId, String(reporterAccountId)),
      reviewId: review._id,
      reporterAccountId,
      reason: input.reason,
      note: input.note,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) return { reported: true };
    throw error;
  }
  await Review.updateOne({ _id: review._id }, { $inc: { reportCount: 1 } });
  return { reported: true };
}
