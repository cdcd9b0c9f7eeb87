import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectDomainDatabase } from '@shop/db';
import { reviewModels } from '@shop/db/review';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases } from '@shop/db/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useReviewFiles } from '../src/cells/review/photo-store';
import { localFolderStore } from '../src/files/local-folder-store';
import { bearer, request } from './support/http';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { deliveredOrder, reviewCalls, unreviewedProductSlugs } from './support/review-fixtures';
import { hasGpsPosition, jpeg, phonePhotoWithGps } from './support/test-images';
import type { tokenFor as TokenFor } from './support/user-test-calls';
import { dataOf, errorOf } from './support/user-test-calls';

/**
 * Photos on reviews, over HTTP: the review cell's upload route (as the storefront's server
 * forwards a shopper's file), the read route the apps serve them from, and reviews that show them.
 */

vi.setConfig({ testTimeout: 120_000 });

let platform: HostWithExecutor;
let tokenFor: typeof TokenFor;
let url: string;
let folder: string;
let slugs: string[];

interface Uploaded {
  id: string;
  url: string;
  width: number;
  height: number;
}
interface ListedReview {
  id: string;
  status?: string;
  photoCount: number;
  photos: Uploaded[];
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'shop-review-photos-'));
  useReviewFiles(localFolderStore(folder, 'review'));
  isolateTestDatabases();
  await seedDemoData();
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'review'], {
    env: { SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-review-photos' },
    host: {
      logger: (await import('pino')).default({
        level: process.env.TEST_HOST_LOG_LEVEL ?? 'silent',
      }),
    },
  });
  url = platform.host.url;
  // The upload route checks tokens against the auth cell's published keys, here on this host.
  process.env.AUTH_CELL_URL = url;
  ({ tokenFor } = await import('./support/user-test-calls'));
  slugs = await unreviewedProductSlugs(4, 40);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  useReviewFiles(undefined);
  delete process.env.AUTH_CELL_URL;
  await rm(folder, { recursive: true, force: true });
});

async function shopper() {
  const { token, accountId } = await tokenFor(['customer']);
  return { token, accountId, calls: reviewCalls(url, token) };
}

const upload = (bytes: Uint8Array, token?: string) =>
  request(`${url}/media/review-photos`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', ...(token ? bearer(token) : {}) },
    body: bytes,
  });

async function uploaded(token: string, bytes?: Uint8Array): Promise<Uploaded> {
  const answer = await upload(bytes ?? (await jpeg(900, 600)), token);
  expect(answer.status).toBe(201);
  return answer.json as Uploaded;
}

const readPhoto = async (id: string, width: number) => {
  const response = await fetch(`${url}/media/review-photo?id=${id}&w=${width}`);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
};

async function storedPhotoFolders(): Promise<number> {
  try {
    return (await readdir(path.join(folder, 'review', 'photos'))).length;
  } catch {
    return 0; // nothing stored yet
  }
}

const photoRecords = async () =>
  reviewModels(await connectDomainDatabase('review')).ReviewPhoto.countDocuments();

const review = (productSlug: string, photoIds: string[], rating = 5) => ({
  productSlug,
  rating,
  title: 'Looks like the pictures',
  body: 'Arrived well packed and looks just like the photos I took.',
  photoIds,
});

describe('uploading a review photo', () => {
  it("a phone's JPEG comes back upright and without its EXIF and GPS position", async () => {
    const { token } = await shopper();
    const original = await phonePhotoWithGps();
    expect(hasGpsPosition((await sharp(original).metadata()).exif)).toBe(true);

    const photo = await uploaded(token, original);
    // Stored 800 x 600 with orientation 6: shown turned a quarter, so 600 wide.
    expect(photo).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      url: `/media/review/${photo.id}`,
      width: 600,
      height: 800,
    });
    for (const width of [320, 1280]) {
      const { status, bytes } = await readPhoto(photo.id, width);
      expect(status).toBe(200);
      const metadata = await sharp(bytes).metadata();
      expect(metadata.format).toBe('webp');
      expect(metadata.exif).toBeUndefined();
      expect(hasGpsPosition(metadata.exif)).toBe(false);
      expect(metadata.width).toBe(Math.min(width, 600));
    }
  });

  it('a text file sent as image/jpeg gets 415 and a clear reason; nothing is stored', async () => {
    const { token } = await shopper();
    const [foldersBefore, recordsBefore] = [await storedPhotoFolders(), await photoRecords()];
    const answer = await upload(new TextEncoder().encode('not a photo at all\n'), token);
    expect(answer.status).toBe(415);
    expect(answer.json).toEqual({
      error: {
        message:
          'This file is not a JPEG, PNG or WebP image (its contents were checked, not its name).',
      },
    });
    // A GIF (a real image, not an accepted type) is refused the same way.
    const gif = await sharp({
      create: { width: 200, height: 200, channels: 3, background: '#000' },
    })
      .gif()
      .toBuffer();
    expect((await upload(gif, token)).status).toBe(415);
    expect(await storedPhotoFolders()).toBe(foldersBefore);
    expect(await photoRecords()).toBe(recordsBefore);
  });

  it('without a signed-in shopper, 401 and nothing stored', async () => {
    const foldersBefore = await storedPhotoFolders();
    const answer = await upload(await jpeg());
    expect(answer.status).toBe(401);
    expect(await storedPhotoFolders()).toBe(foldersBefore);
  });
});

describe('reviews with photos', () => {
  it('shows the photos on the product page, and "with photos" lists only such reviews', async () => {
    const slug = slugs[0]!;
    const author = await shopper();
    await deliveredOrder(author.accountId, slug);
    const photos = [await uploaded(author.token), await uploaded(author.token)];
    const withPhotos = dataOf<ListedReview>(
      await author.calls.mutate(
        'submit',
        review(
          slug,
          photos.map((photo) => photo.id),
        ),
      ),
    );
    expect(withPhotos.photos.map((photo) => photo.url)).toEqual(photos.map((photo) => photo.url));
    // No filter checks pictures: a verified review with photos waits for a moderator.
    expect(withPhotos).toMatchObject({ status: 'pending' });
    const { token: moderatorToken } = await tokenFor(['support']);
    const moderation = reviewCalls(url, moderatorToken);
    const queue = dataOf<{ items: (ListedReview & { moderation: { reasons: string[] }[] })[] }>(
      await moderation.query('moderationQueue', { status: 'pending', productSlug: slug }),
    );
    expect(queue.items).toEqual([
      expect.objectContaining({ id: withPhotos.id, photos: withPhotos.photos }),
    ]);
    expect(queue.items[0]!.moderation.at(-1)!.reasons).toEqual(['photos']);
    dataOf(await moderation.mutate('approve', { reviewIds: [withPhotos.id] }));

    const other = await shopper();
    await deliveredOrder(other.accountId, slug);
    dataOf(await other.calls.mutate('submit', review(slug, [], 4)));

    const list = async (filter: object) =>
      dataOf<{ items: ListedReview[] }>(
        await reviewCalls(url).query('forProduct', { productSlug: slug, ...filter }),
      ).items;
    expect(await list({})).toHaveLength(2);
    const filtered = await list({ withPhotos: true });
    expect(filtered).toEqual([
      expect.objectContaining({ id: withPhotos.id, photoCount: 2, photos: expect.any(Array) }),
    ]);
  });

  it("refuses another shopper's photo, an unknown one, and a sixth photo (400, nothing changed)", async () => {
    const slug = slugs[1]!;
    const owner = await shopper();
    const photo = await uploaded(owner.token);
    const thief = await shopper();
    await deliveredOrder(thief.accountId, slug);

    const stolen = await thief.calls.mutate('submit', review(slug, [photo.id]));
    expect(stolen.status).toBe(400);
    expect(errorOf(stolen).message).toMatch(/photo could not be found/);
    const unknown = await thief.calls.mutate('submit', review(slug, ['0'.repeat(32)]));
    expect(unknown.status).toBe(400);

    const six = await Promise.all(Array.from({ length: 6 }, () => uploaded(thief.token)));
    const tooMany = await thief.calls.mutate(
      'submit',
      review(
        slug,
        six.map((each) => each.id),
      ),
    );
    expect(tooMany.status).toBe(400);
    expect(errorOf(tooMany).data.issues).toEqual([
      expect.objectContaining({ message: 'at most 5 photos per review' }),
    ]);
    expect(dataOf<unknown>(await thief.calls.query('mine', { productSlug: slug }))).toBeNull();
  });

  it('an edit can drop a photo and a deleted review takes its photos with it', async () => {
    const slug = slugs[2]!;
    const author = await shopper();
    await deliveredOrder(author.accountId, slug);
    const [kept, dropped] = [await uploaded(author.token), await uploaded(author.token)];
    const created = dataOf<ListedReview>(
      await author.calls.mutate('submit', review(slug, [kept.id, dropped.id])),
    );

    const edited = dataOf<ListedReview>(
      await author.calls.mutate('edit', {
        reviewId: created.id,
        rating: 4,
        title: 'Still good',
        body: 'One photo is enough to show it.',
        photoIds: [kept.id],
      }),
    );
    expect(edited.photos.map((photo) => photo.id)).toEqual([kept.id]);
    expect((await readPhoto(dropped.id, 320)).status).toBe(404);
    expect((await readPhoto(kept.id, 320)).status).toBe(200);

    dataOf(await author.calls.mutate('remove', { reviewId: created.id }));
    expect((await readPhoto(kept.id, 320)).status).toBe(404);
  });
});
