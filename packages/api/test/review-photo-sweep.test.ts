import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectDomainDatabase } from '@shop/db';
import { reviewModels } from '@shop/db/review';
import { isolateTestDatabases } from '@shop/db/testing';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processReviewPhoto } from '../src/cells/review/photo-processing';
import { storeReviewPhoto, useReviewFiles } from '../src/cells/review/photo-store';
import { sweepUnattachedPhotos, unattachedPhotoGraceMs } from '../src/cells/review/photo-sweep';
import { localFolderStore } from '../src/files/local-folder-store';
import { jpeg } from './support/test-images';

/**
 * The sweep of review photos nobody sent with a review (issue 13): uploads older than the grace
 * period that no review took lose their files and records; a fresh upload and a photo a review
 * uses stay.
 */

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'shop-review-photo-sweep-'));
  useReviewFiles(localFolderStore(folder, 'review'));
  isolateTestDatabases();
});
afterAll(async () => {
  useReviewFiles(undefined);
  await rm(folder, { recursive: true, force: true });
});

async function models() {
  return reviewModels(await connectDomainDatabase('review'));
}

/** A photo stored as the upload route stores one, uploaded `ageMs` ago, taken by `reviewId`. */
async function uploadedPhoto(ageMs: number, reviewId: Types.ObjectId | null = null) {
  const image = await processReviewPhoto(await jpeg(400, 300));
  const photoId = await storeReviewPhoto(image);
  const { ReviewPhoto } = await models();
  const at = new Date(Date.now() - ageMs);
  await ReviewPhoto.collection.insertOne({
    photoId,
    accountId: new Types.ObjectId(),
    width: image.width,
    height: image.height,
    reviewId,
    createdAt: at,
    updatedAt: at,
  });
  return photoId;
}

/** The photos whose files are in the store (a photo's folder may stay behind, empty). */
async function storedFolders(): Promise<string[]> {
  const root = path.join(folder, 'review', 'photos');
  let ids: string[];
  try {
    ids = await readdir(root);
  } catch {
    return []; // nothing stored
  }
  const withFiles = await Promise.all(
    ids.map(async (id) => ((await readdir(path.join(root, id))).length > 0 ? id : null)),
  );
  return withFiles.filter((id): id is string => id !== null);
}

describe('the unattached review photo sweep', () => {
  it('deletes files and records of uploads past the grace period that no review took, and nothing else', async () => {
    const day = unattachedPhotoGraceMs;
    const abandoned = [await uploadedPhoto(day + 60_000), await uploadedPhoto(3 * day)];
    const fresh = await uploadedPhoto(day - 60 * 60_000);
    const used = await uploadedPhoto(5 * day, new Types.ObjectId());
    expect((await storedFolders()).sort()).toEqual([...abandoned, fresh, used].sort());

    expect(await sweepUnattachedPhotos()).toBe(2);

    expect((await storedFolders()).sort()).toEqual([fresh, used].sort());
    const { ReviewPhoto } = await models();
    const left = await ReviewPhoto.find().select({ photoId: 1 }).lean();
    expect(left.map((photo) => photo.photoId).sort()).toEqual([fresh, used].sort());
    // A second run finds nothing more.
    expect(await sweepUnattachedPhotos()).toBe(0);
  });
});
