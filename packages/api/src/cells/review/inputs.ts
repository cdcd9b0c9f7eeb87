import {
  rejectionReasons,
  reviewReportReasons,
  reviewStatuses,
  reviewVoteValues,
} from '@shop/db/review';
import { z } from 'zod';
import { objectIdTextPattern } from '../../ids/object-id-text';
import { requiredShownText, shownParagraphs } from '../../text-input/shown-text';
import { paginationInput } from '../../trpc/pagination';
import { maxPhotosPerReview } from './photo-processing';
import { reviewLinkTokenPattern } from './request-link';

/** Inputs of the review cell's procedures, `<procedureName>Input`, with their inferred types. */

const reviewId = z.string().regex(objectIdTextPattern, { error: 'must be a review id' });
const productSlug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a product slug' });
const rating = z.number().int().min(1).max(5);
/** Photos uploaded first (`POST /media/review-photos`), named by the ids the upload answered. */
const photoIds = z
  .array(z.string().regex(/^[0-9a-f]{32}$/, { error: 'must be a photo id' }))
  .max(maxPhotosPerReview, { error: `at most ${maxPhotosPerReview} photos per review` });

export const reviewLimits = { title: 120, body: 5_000, reply: 2_000, note: 500 } as const;

const reviewText = {
  rating,
  title: requiredShownText(reviewLimits.title),
  body: shownParagraphs(reviewLimits.body),
};

// ---- The shopper's own reviews (procedures/shopper-reviews.ts)

export const submitInput = z.strictObject({
  productSlug,
  ...reviewText,
  /** The shopper says they received something for writing it (shown as a badge). */
  incentivised: z.boolean().default(false),
  photoIds: photoIds.default([]),
});
export type SubmitInput = z.infer<typeof submitInput>;

export const editInput = z.strictObject({
  reviewId,
  ...reviewText,
  /** The photos this version shows; left out, the review keeps the ones it has. */
  photoIds: photoIds.optional(),
});
export type EditInput = z.infer<typeof editInput>;

export const removeInput = z.strictObject({ reviewId });
export type RemoveInput = z.infer<typeof removeInput>;

export const mineInput = z.strictObject({ productSlug });
export type MineInput = z.infer<typeof mineInput>;

// ---- Writing a review through an emailed request link (procedures/request-links.ts)

/** A review request link's token; its shape only, the MAC is checked by the procedure. */
const linkToken = z.string().regex(reviewLinkTokenPattern, { error: 'must be a review link' });

export const requestLinkInput = z.strictObject({ token: linkToken });
export type RequestLinkInput = z.infer<typeof requestLinkInput>;

export const submitByLinkInput = z.strictObject({
  token: linkToken,
  ...reviewText,
  incentivised: z.boolean().default(false),
  photoIds: photoIds.default([]),
});
export type SubmitByLinkInput = z.infer<typeof submitByLinkInput>;

// ---- A product's reviews as shoppers see them (procedures/product-reviews.ts)

export const reviewSorts = ['recent', 'helpful', 'highest', 'lowest'] as const;
export type ReviewSort = (typeof reviewSorts)[number];

export const forProductInput = z.strictObject({
  productSlug,
  sort: z.enum(reviewSorts).default('recent'),
  stars: z.array(rating).max(5).optional(),
  withPhotos: z.boolean().default(false),
  verifiedOnly: z.boolean().default(false),
  page: paginationInput.page,
  pageSize: z.number().int().min(1).max(48).default(10),
});
export type ForProductInput = z.infer<typeof forProductInput>;

export const summaryInput = z.strictObject({ productSlug });
export type SummaryInput = z.infer<typeof summaryInput>;

// ---- Votes and reports (procedures/feedback.ts)

export const voteInput = z.strictObject({
  reviewId,
  /** `none` takes the shopper's vote back. */
  value: z.enum([...reviewVoteValues, 'none']),
});
export type VoteInput = z.infer<typeof voteInput>;

export const reportInput = z.strictObject({
  reviewId,
  reason: z.enum(reviewReportReasons),
  note: shownParagraphs(reviewLimits.note).default(''),
});
export type ReportInput = z.infer<typeof reportInput>;

// ---- Staff: moderation (procedures/moderation.ts)

export const moderationQueueInput = z.strictObject({
  status: z.enum(reviewStatuses).default('pending'),
  rating: rating.optional(),
  reportedOnly: z.boolean().default(false),
  verifiedOnly: z.boolean().default(false),
  productSlug: productSlug.optional(),
  ...paginationInput,
});
export type ModerationQueueInput = z.infer<typeof moderationQueueInput>;

const reviewIds = z.array(reviewId).min(1).max(100);

export const approveInput = z.strictObject({ reviewIds });
export type ApproveInput = z.infer<typeof approveInput>;

export const rejectInput = z.strictObject({
  reviewIds,
  reason: z.enum(rejectionReasons),
  note: shownParagraphs(reviewLimits.note).default(''),
});
export type RejectInput = z.infer<typeof rejectInput>;

export const replyInput = z.strictObject({
  reviewId,
  /** '' removes the reply. */
  text: shownParagraphs(reviewLimits.reply),
});
export type ReplyInput = z.infer<typeof replyInput>;

export const reportsInput = z.strictObject({ reviewId });
export type ReportsInput = z.infer<typeof reportsInput>;

export const recomputeAggregatesInput = z.strictObject({ productSlug: productSlug.optional() });
export type RecomputeAggregatesInput = z.infer<typeof recomputeAggregatesInput>;
