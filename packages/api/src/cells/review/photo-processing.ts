import { processUploadedImage, type ProcessedImage } from '../../files/image-processing';

/** A shopper's photo: a phone picture fits; larger gains nothing beside a review. */
export const reviewPhotoLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  minSide: 100,
} as const;

/** At most this many photos on one review. */
export const maxPhotosPerReview = 5;
/** Uploads per shopper per hour: enough for several reviews, not for a script. */
export const photoUploadsPerHour = 30;

/** The thumbnail in the list and the enlarged view. */
export const reviewPhotoWidths = [320, 1280] as const;
export type ReviewPhotoWidth = (typeof reviewPhotoWidths)[number];

/** The product images' checks and stripping (files/image-processing.ts), at the photo sizes. */
export function processReviewPhoto(bytes: Buffer): Promise<ProcessedImage<ReviewPhotoWidth>> {
  return processUploadedImage(bytes, reviewPhotoLimits, reviewPhotoWidths);
}
