import { TRPCError } from '@trpc/server';
import type { Types } from 'mongoose';
import { reviewDatabase } from './database';
import { deleteReviewPhotoFiles } from './photo-store';

export interface AttachedPhoto {
  key: string;
  width: number;
  height: number;
}

/**
 * The photos a review version will show, in the order given: each must be the author's own
 * upload, not used by another review. They are claimed for this review (one conditional update
 * per photo, so two reviews racing for one photo cannot both get it); photos the review had and
 * no longer lists are released and their files deleted.
 */
export async function attachPhotos(
  accountId: Types.ObjectId,
  reviewId: Types.ObjectId,
  photoIds: readonly string[],
): Promise<AttachedPhoto[]> {
  const { ReviewPhoto } = await reviewDatabase.models();
  const wanted = [...new Set(photoIds)];
  const attached: AttachedPhoto[] = [];
  for (const id of wanted) {
    const photo = await ReviewPhoto.findOneAndUpdate(
      { photoId: id, accountId, reviewId: { $in: [null, reviewId] } },
      { $set: { reviewId } },
      { returnDocument: 'after' },
    ).lean();
    if (!photo) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'A photo could not be found; upload it again',
      });
    }
    attached.push({ key: photo.photoId, width: photo.width, height: photo.height });
  }
  await releasePhotos(reviewId, wanted);
  return attached;
}

/** Deletes the photos of a review except those kept (all of them when none are). */
export async function releasePhotos(
  reviewId: Types.ObjectId,
  keep: readonly string[] = [],
): Promise<void> {
  const { ReviewPhoto } = await reviewDatabase.models();
  const dropped = await ReviewPhoto.find({ reviewId, photoId: { $nin: keep } })
    .select({ photoId: 1 })
    .lean();
  for (const { _id, photoId } of dropped) {
    await deleteReviewPhotoFiles(photoId);
    await ReviewPhoto.deleteOne({ _id });
  }
}
