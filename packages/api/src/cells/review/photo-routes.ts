import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { readBodyWithin } from '../../files/upload-body';
import { MediaRefusal } from '../../files/upload-refusal';
import { sendJson } from '../../host/json-response';
import { rootLogger } from '../../observability/logger';
import { reviewDatabase } from './database';
import { photoUploadsPerHour, processReviewPhoto, reviewPhotoLimits } from './photo-processing';
import {
  deleteReviewPhotoFiles,
  photoWidthFor,
  readReviewPhoto,
  reviewPhotoIdPattern,
  reviewPhotoPath,
  storeReviewPhoto,
} from './photo-store';
import { reviewPhotoUploader } from './photo-uploader';

/** The cell's upload endpoint; the storefront's `/api/media/review-photos` forwards here. */
export const reviewPhotoUploadPath = '/media/review-photos';
/** The cell's read endpoint (`?id=<id>&w=<width>`); the apps' `/media/review/[id]` reads it. */
export const reviewPhotoReadPath = '/media/review-photo';

/**
 * POST: one photo as the raw request body (the bytes are sniffed, whatever the sender says).
 * Answers 201 `{ id, url, width, height }`; `review.submit` / `review.edit` take the id.
 */
export async function uploadReviewPhoto(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const logger = rootLogger.child({ requestId: res.getHeader('x-request-id') });
  try {
    const accountId = await reviewPhotoUploader(req);
    const { ReviewPhoto } = await reviewDatabase.models();
    const recent = await ReviewPhoto.countDocuments({
      accountId,
      createdAt: { $gte: new Date(Date.now() - 3_600_000) },
    });
    if (recent >= photoUploadsPerHour) {
      res.setHeader('retry-after', '3600');
      return sendJson(res, 429, { error: { message: 'Too many photos this hour; try later.' } });
    }
    const bytes = await readBodyWithin(req, reviewPhotoLimits.maxBytes);
    const image = await processReviewPhoto(bytes);
    const id = await storeReviewPhoto(image);
    try {
      await ReviewPhoto.create({
        photoId: id,
        accountId,
        width: image.width,
        height: image.height,
      });
    } catch (error) {
      await deleteReviewPhotoFiles(id);
      throw error;
    }
    logger.info({ photoId: id, bytes: bytes.byteLength }, 'review photo stored');
    sendJson(res, 201, { id, url: reviewPhotoPath(id), width: image.width, height: image.height });
  } catch (error) {
    if (!(error instanceof MediaRefusal)) throw error;
    logger.debug({ status: error.status, reason: error.message }, 'review photo refused');
    if (!req.complete) res.setHeader('connection', 'close');
    sendJson(res, error.status, { error: { message: error.message } });
  }
}

/**
 * GET `?id=<id>&w=<width>`: the stored WebP nearest above that width. Ids are random and never
 * reused, so the answer is cacheable for good; a photo whose review was deleted is gone (404).
 */
export async function readReviewPhotoRoute(req: IncomingMessage, res: ServerResponse) {
  const query = new URL(req.url ?? '/', 'http://cell').searchParams;
  const id = query.get('id') ?? '';
  const asked = Number(query.get('w') ?? '320');
  if (!reviewPhotoIdPattern.test(id) || !Number.isInteger(asked) || asked < 1 || asked > 4096) {
    return sendJson(res, 400, { error: 'id (32 hex digits) and w (a width in pixels) expected' });
  }
  const file = await readReviewPhoto(id, photoWidthFor(asked));
  if (!file) return sendJson(res, 404, { error: 'no such photo' });
  res.statusCode = 200;
  res.setHeader('content-type', file.contentType);
  res.setHeader('content-length', file.size);
  res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  res.setHeader('x-content-type-options', 'nosniff');
  if (req.method === 'HEAD') {
    file.body.destroy();
    res.end();
    return;
  }
  await pipeline(file.body, res);
}
