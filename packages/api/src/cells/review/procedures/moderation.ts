import type { QueryFilter } from 'mongoose';
import type { Review } from '@shop/db/review';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import type { HandlerArgs, SignedInContext, StaffArgs, StaffContext } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { reviewDatabase } from '../database';
import type {
  ApproveInput,
  ModerationQueueInput,
  RejectInput,
  ReplyInput,
  ReportsInput,
} from '../inputs';
import { reviewNotFound } from '../review-access';
import { announceReviewChange } from '../review-events';
import { toModerationReview, type ModerationReviewView } from '../views';

type Args<Input> = HandlerArgs<Input, SignedInContext>;

const staffId = (ctx: SignedInContext) =>
  Types.ObjectId.isValid(ctx.identity.accountId)
    ? new Types.ObjectId(ctx.identity.accountId)
    : undefined;

/** `review.moderationQueue` (reviews:moderate): reviews by state, oldest pending first. */
export async function moderationQueue({ input }: Args<ModerationQueueInput>): Promise<{
  items: ModerationReviewView[];
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
}> {
  const { Review } = await reviewDatabase.models();
  const filter: QueryFilter<Review> = {
    status: input.status,
    deletedAt: null,
    ...(input.rating && { rating: input.rating }),
    ...(input.reportedOnly && { reportCount: { $gt: 0 } }),
    ...(input.verifiedOnly && { verified: true }),
    ...(input.productSlug && { productSlug: input.productSlug }),
  };
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const order = input.status === 'pending' ? 1 : -1;
  const [reviews, total] = await Promise.all([
    Review.find(filter).sort({ createdAt: order, _id: order }).skip(skip).limit(limit).lean(),
    Review.countDocuments(filter),
  ]);
  return {
    items: reviews.map(toModerationReview),
    page: input.page,
    pageSize: input.pageSize,
    total,
    hasMore: skip + reviews.length < total,
  };
}

function moderationAuditView(review: {
  productSlug: string;
  status: string;
  rejection?: { reason?: string | null; note?: string | null } | null;
}) {
  return {
    productSlug: review.productSlug,
    status: review.status,
    rejection: review.rejection?.reason
      ? { reason: review.rejection.reason, note: review.rejection.note ?? '' }
      : null,
  };
}

/**
 * Moves each review to `status` unless it is already there, recording the decision (who, when,
 * why) on the review in the same update. Answers how many changed.
 */
async function decideMany(
  ctx: StaffContext,
  reviewIds: readonly string[],
  change: { status: 'published' | 'rejected'; reason?: RejectInput['reason']; note?: string },
): Promise<{ changed: number }> {
  const { Review } = await reviewDatabase.models();
  let changed = 0;
  // The audit log's before/after per review that changed (status and the rejection reason).
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const id of new Set(reviewIds)) {
    const at = new Date();
    const review = await Review.findOne({ _id: new Types.ObjectId(id), deletedAt: null })
      .select({ version: 1, status: 1, rejection: 1, productSlug: 1 })
      .lean();
    if (!review || review.status === change.status) continue;
    const updated = await Review.findOneAndUpdate(
      { _id: review._id, version: review.version, status: review.status, deletedAt: null },
      {
        $set: {
          status: change.status,
          rejection:
            change.status === 'rejected'
              ? { reason: change.reason ?? 'other', note: change.note || undefined }
              : null,
          publishedAt: change.status === 'published' ? at : null,
        },
        $push: {
          moderation: {
            action: change.status,
            by: 'staff',
            staffAccountId: staffId(ctx),
            at,
            reasons: change.reason ? [change.reason] : [],
            note: change.note || undefined,
            version: review.version,
          },
        },
      },
      { returnDocument: 'after' },
    ).lean();
    if (!updated) continue; // edited or decided meanwhile: the moderator sees it again
    changed += 1;
    before[id] = moderationAuditView(review);
    after[id] = moderationAuditView(updated);
    await announceReviewChange(ctx.logger, updated);
  }
  if (changed === 0) ctx.audit.unchanged();
  else ctx.audit.record({ object: { type: 'review', ids: Object.keys(after) }, before, after });
  ctx.logger.info(
    { reviews: reviewIds.length, changed, status: change.status, reason: change.reason },
    'reviews moderated',
  );
  return { changed };
}

/** `review.approve` (reviews:moderate): publish the reviews. */
export function approve({ input, ctx }: StaffArgs<ApproveInput>) {
  return decideMany(ctx, input.reviewIds, { status: 'published' });
}

/**
 * `review.reject` (reviews:moderate): reject with a reason from the list (never "negative": the
 * list has no such reason, and the rejection distribution shows whether rejections lean low).
 */
export function reject({ input, ctx }: StaffArgs<RejectInput>) {
  return decideMany(ctx, input.reviewIds, {
    status: 'rejected',
    reason: input.reason,
    note: input.note,
  });
}

/** `review.reply` (reviews:moderate): the merchant's public reply under a review ('' removes it). */
export async function reply({ input, ctx }: StaffArgs<ReplyInput>): Promise<ModerationReviewView> {
  const { Review } = await reviewDatabase.models();
  const staffAccountId = staffId(ctx);
  if (input.text !== '' && !staffAccountId) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only a staff account can reply' });
  }
  const newReply =
    input.text === '' || !staffAccountId
      ? null
      : { text: input.text, at: new Date(), staffAccountId };
  // The document as it was (for the audit log's before); the answer is it with the new reply.
  const previous = await Review.findOneAndUpdate(
    { _id: new Types.ObjectId(input.reviewId), deletedAt: null },
    { $set: { reply: newReply } },
    { returnDocument: 'before' },
  ).lean();
  if (!previous) throw reviewNotFound();
  ctx.audit.record({
    object: { type: 'review', id: input.reviewId },
    before: { productSlug: previous.productSlug, reply: previous.reply?.text ?? null },
    after: { productSlug: previous.productSlug, reply: newReply?.text ?? null },
  });
  return toModerationReview({ ...previous, reply: newReply });
}

/** `review.reports` (reviews:moderate): what shoppers reported about a review, newest first. */
export async function reports({ input }: Args<ReportsInput>) {
  const { ReviewReport } = await reviewDatabase.models();
  const found = await ReviewReport.find({ reviewId: new Types.ObjectId(input.reviewId) })
    .sort({ createdAt: -1 })
    .limit(200)
    .lean();
  // Reporters stay anonymous to moderators: the reason and note are what matter.
  return found.map((entry) => ({
    reason: entry.reason,
    note: entry.note ?? '',
    at: (entry.createdAt ?? new Date(0)).toISOString(),
  }));
}

/**
 * `review.rejectionDistribution` (reviews:moderate): rejected and published reviews per star, so
 * a merchant can see that rejections do not lean towards low ratings (the FTC rule on reviews).
 */
export async function rejectionDistribution(): Promise<{
  rejected: number[];
  published: number[];
}> {
  const { Review } = await reviewDatabase.models();
  const perStar = (status: 'rejected' | 'published') =>
    Promise.all(
      [1, 2, 3, 4, 5].map((rating) => Review.countDocuments({ status, rating, deletedAt: null })),
    );
  const [rejected, published] = await Promise.all([perStar('rejected'), perStar('published')]);
  return { rejected, published };
}
