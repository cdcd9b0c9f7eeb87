import type { QueryFilter } from 'mongoose';
import type { Review } from '@shop/db/review';
import { Types } from 'mongoose';
import { isObjectIdText } from '../../../ids/object-id-text';
import type { HandlerArgs } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { reviewDatabase } from '../database';
import type { ForProductInput, ReviewSort, SummaryInput } from '../inputs';
import { emptyRatingSummary, ratingSummaryOf, type RatingSummary } from '../rating-summary';
import { toPublicReview, type PublicReviewView } from '../views';

const sortOrders: Record<ReviewSort, Record<string, 1 | -1>> = {
  recent: { createdAt: -1, _id: -1 },
  helpful: { helpfulCount: -1, createdAt: -1, _id: -1 },
  highest: { rating: -1, createdAt: -1, _id: -1 },
  lowest: { rating: 1, createdAt: -1, _id: -1 },
};

export interface ProductReviewsPage {
  items: PublicReviewView[];
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
  /** The signed-in shopper's helpful votes on this page's reviews, by review id. */
  myVotes: Record<string, 'helpful' | 'unhelpful'>;
}

/** `review.forProduct`: a product's published reviews, sorted, filtered and paged. */
export async function forProduct({
  input,
  ctx,
}: HandlerArgs<ForProductInput>): Promise<ProductReviewsPage> {
  const { Review, ReviewVote } = await reviewDatabase.models();
  const filter: QueryFilter<Review> = {
    productSlug: input.productSlug,
    status: 'published',
    deletedAt: null,
    ...(input.stars?.length && { rating: { $in: input.stars } }),
    ...(input.verifiedOnly && { verified: true }),
    ...(input.withPhotos && { 'photos.0': { $exists: true } }),
  };
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [reviews, total] = await Promise.all([
    Review.find(filter)
      .sort(sortOrders[input.sort])
      .skip(skip)
      .limit(limit)
      .select({ addressHash: 0, moderation: 0, tally: 0, tallyPending: 0, verifiedBy: 0 })
      .lean(),
    Review.countDocuments(filter),
  ]);
  const myVotes: ProductReviewsPage['myVotes'] = {};
  const voter = ctx.identity?.accountId;
  if (voter && isObjectIdText(voter) && reviews.length > 0) {
    const votes = await ReviewVote.find({
      voterAccountId: new Types.ObjectId(voter),
      reviewId: { $in: reviews.map((review) => review._id) },
    }).lean();
    for (const vote of votes) myVotes[String(vote.reviewId)] = vote.value;
  }
  return {
    items: reviews.map(toPublicReview),
    page: input.page,
    pageSize: input.pageSize,
    total,
    hasMore: skip + reviews.length < total,
    myVotes,
  };
}

/** `review.summary`: the product's rating aggregate (published reviews only). */
export async function summary({ input }: HandlerArgs<SummaryInput>): Promise<RatingSummary> {
  const { RatingAggregate } = await reviewDatabase.models();
  const aggregate = await RatingAggregate.findOne({ productSlug: input.productSlug })
    .select({ _id: 1 })
    .lean();
  if (!aggregate) return emptyRatingSummary('', input.productSlug);
  return ratingSummaryOf(String(aggregate._id), input.productSlug);
}
