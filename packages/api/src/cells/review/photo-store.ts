import { randomBytes } from 'node:crypto';
import type { FileStore, StoredFile } from '../../files/file-store';
import { fileStoreFor } from '../../files/file-store-for-cell';
import type { ProcessedImage } from '../../files/image-processing';
import { reviewPhotoWidths, type ReviewPhotoWidth } from './photo-processing';

let store: FileStore | undefined;

/** The review cell's files (its own prefix `review/`), from the host's configuration. */
export function reviewFiles(): FileStore {
  store ??= fileStoreFor('review');
  return store;
}

/** Tests point the cell at a store of their own. */
export function useReviewFiles(files: FileStore | undefined): void {
  store = files;
}

/** Photo ids are 32 random hex digits: a photo of a review not yet published cannot be guessed. */
export const reviewPhotoIdPattern = /^[0-9a-f]{32}$/;

/** Where the apps serve a review photo (their `/media/review/[id]` route). */
export const reviewPhotoPath = (id: string) => `/media/review/${id}`;

const keyOf = (id: string, width: ReviewPhotoWidth) => `photos/${id}/${width}.webp`;

/** Stores every rendition under a new id; a failed write removes the others. */
export async function storeReviewPhoto(image: ProcessedImage<ReviewPhotoWidth>): Promise<string> {
  const id = randomBytes(16).toString('hex');
  const files = reviewFiles();
  try {
    await Promise.all(
      image.renditions.map(({ width, bytes }) => files.put(keyOf(id, width), bytes, 'image/webp')),
    );
  } catch (error) {
    await deleteReviewPhotoFiles(id);
    throw error;
  }
  return id;
}

export async function deleteReviewPhotoFiles(id: string): Promise<void> {
  await Promise.allSettled(
    reviewPhotoWidths.map((width) => reviewFiles().delete(keyOf(id, width))),
  );
}

/** The stored width closest above the one asked for (the largest when none is). */
export function photoWidthFor(asked: number): ReviewPhotoWidth {
  return reviewPhotoWidths.find((width) => width >= asked) ?? reviewPhotoWidths.at(-1)!;
}

export function readReviewPhoto(id: string, width: ReviewPhotoWidth): Promise<StoredFile | null> {
  return reviewFiles().get(keyOf(id, width));
}
