import { reviewDatabase } from './database';
import { deleteReviewPhotoFiles } from './photo-store';

/**
 * How long an upload may wait for its review. The form uploads each photo as it is picked, so a
 * shopper who gives up leaves photos behind; a day is far longer than anyone spends on a review.
 */
export const unattachedPhotoGraceMs = 24 * 60 * 60 * 1000;
const batchSize = 200;

/**
 * Deletes photos uploaded before `now - grace` that no review took: the record first, only while
 * it is still unattached (so a review claiming it at this moment keeps it, photo-attach.ts), then
 * its files. Answers how many went.
 */
export async function sweepUnattachedPhotos(now = new Date()): Promise<number> {
  const { ReviewPhoto } = await reviewDatabase.models();
  const before = new Date(now.getTime() - unattachedPhotoGraceMs);
  let deleted = 0;
  for (;;) {
    const stale = await ReviewPhoto.find({ reviewId: null, createdAt: { $lt: before } })
      .sort({ createdAt: 1 })
      .limit(batchSize)
      .select({ photoId: 1 })
      .lean();
    let progressed = false;
    for (const photo of stale) {
      const gone = await ReviewPhoto.deleteOne({ _id: photo._id, reviewId: null });
      if (gone.deletedCount !== 1) continue;
      await deleteReviewPhotoFiles(photo.photoId);
      deleted += 1;
      progressed = true;
    }
    if (stale.length < batchSize || !progressed) return deleted;
  }
}
