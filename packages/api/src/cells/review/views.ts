import type { Review } from '@shop/db/review';
import type { Types } from 'mongoose';
import { reviewPhotoPath } from './photo-store';

/** What the review cell's procedures return, and the mappers from `Review` documents. */

type StoredReview = Review & { _id: Types.ObjectId; createdAt?: Date; updatedAt?: Date };

export interface ReviewReplyView {
  text: string;
  at: string;
}

export interface ReviewPhotoView {
  id: string;
  url: string;
  width: number;
  height: number;
}

/** A published review as any shopper sees it. Reviews store no author name: none is shown. */
export interface PublicReviewView {
  id: string;
  rating: number;
  title: string;
  body: string;
  verified: boolean;
  incentivised: boolean;
  createdAt: string;
  /** Set when the text changed after it was first written. */
  editedAt: string | null;
  helpfulCount: number;
  unhelpfulCount: number;
  photoCount: number;
  /** Served by the apps' `/media/review/[id]?w=` (320 or 1280 wide). */
  photos: ReviewPhotoView[];
  reply: ReviewReplyView | null;
}

/** The author's own review, in whatever state it is. */
export interface OwnReviewView extends PublicReviewView {
  status: Review['status'];
  /** Why it was rejected (the reason from the list; the note stays with staff). */
  rejectionReason: string | null;
}

export interface ModerationDecisionView {
  action: string;
  by: 'system' | 'staff';
  staffAccountId: string | null;
  at: string;
  reasons: string[];
  note: string | null;
  version: number;
}

/** A review as moderators see it: state, the order that verified it, every decision. */
export interface ModerationReviewView extends OwnReviewView {
  productSlug: string;
  version: number;
  verifiedBy: { orderId: string; number: string } | null;
  rejectionNote: string | null;
  reportCount: number;
  moderation: ModerationDecisionView[];
  deleted: boolean;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function toPublicReview(review: StoredReview): PublicReviewView {
  const createdAt = review.createdAt ?? new Date(0);
  const edited = review.version > 1 && review.updatedAt ? review.updatedAt : null;
  return {
    id: String(review._id),
    rating: review.rating,
    title: review.title,
    body: review.body ?? '',
    verified: review.verified ?? false,
    incentivised: review.incentivised ?? false,
    createdAt: createdAt.toISOString(),
    editedAt: iso(edited),
    helpfulCount: review.helpfulCount ?? 0,
    unhelpfulCount: review.unhelpfulCount ?? 0,
    photoCount: review.photos?.length ?? 0,
    photos: (review.photos ?? []).map((photo) => ({
      id: photo.key,
      url: reviewPhotoPath(photo.key),
      width: photo.width,
      height: photo.height,
    })),
    reply: review.reply ? { text: review.reply.text, at: review.reply.at.toISOString() } : null,
  };
}

export function toOwnReview(review: StoredReview): OwnReviewView {
  return {
    ...toPublicReview(review),
    status: review.status,
    rejectionReason: review.rejection?.reason ?? null,
  };
}

export function toModerationReview(review: StoredReview): ModerationReviewView {
  return {
    ...toOwnReview(review),
    productSlug: review.productSlug,
    version: review.version ?? 1,
    verifiedBy: review.verifiedBy
      ? { orderId: review.verifiedBy.orderId, number: review.verifiedBy.number }
      : null,
    rejectionNote: review.rejection?.note ?? null,
    reportCount: review.reportCount ?? 0,
    moderation: (review.moderation ?? []).map((decision) => ({
      action: decision.action,
      by: decision.by,
      staffAccountId: decision.staffAccountId ? String(decision.staffAccountId) : null,
      at: decision.at.toISOString(),
      reasons: [...decision.reasons],
      note: decision.note ?? null,
      version: decision.version,
    })),
    deleted: Boolean(review.deletedAt),
  };
}
