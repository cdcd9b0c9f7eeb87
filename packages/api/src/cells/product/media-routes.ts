import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { appendStaffEntry, AuditWriteFailed } from '../../audit/append-staff-entry';
import { staffAuditEntry } from '../../audit/staff-entry';
import { clientAddressOf } from '../../host/client-address';
import { sendJson } from '../../host/json-response';
import { rootLogger } from '../../observability/logger';
import { processProductImage, productImageLimits } from './media-image-processing';
import { readBodyWithin } from '../../files/upload-body';
import { MediaRefusal } from './media-refusal';
import { productImageUploader } from './media-upload-caller';
import {
  productImageIdPattern,
  productImagePath,
  readProductImage,
  renditionWidthFor,
  storeProductImage,
} from './media-store';

/** The cell's upload endpoint; the admin's `/api/media/product-images` forwards here. */
export const productImageUploadPath = '/media/product-images';
/** The cell's read endpoint (`?id=<id>&w=<width>`); the apps' `/media/product/[id]` reads it. */
export const productImageReadPath = '/media/product-image';

/**
 * POST: one image as the raw request body (any type: the bytes are sniffed). Needs the internal
 * credential (only the admin's server calls this) and a staff access token with `catalog:write`.
 * Answers 201 `{ url, width, height }`; the product keeps `url` once the editor saves it. The
 * upload is a staff change: it is recorded in the product cell's audit log (`product.uploadImage`).
 */
export async function uploadProductImage(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const logger = rootLogger.child({ requestId: res.getHeader('x-request-id') });
  try {
    const identity = await productImageUploader(req);
    const bytes = await readBodyWithin(req, productImageLimits.maxBytes);
    const image = await processProductImage(bytes);
    const id = await storeProductImage(image);
    logger.info(
      { imageId: id, by: identity.accountId, bytes: bytes.byteLength },
      'product image stored',
    );
    const stored = { url: productImagePath(id), width: image.width, height: image.height };
    const caller = {
      identity,
      requestId: String(res.getHeader('x-request-id') ?? ''),
      // The uploader proved it is the internal caller, so its forwarded address is believed.
      clientAddress: clientAddressOf(req, true),
    };
    await appendStaffEntry(
      'product',
      staffAuditEntry(
        caller,
        'product.uploadImage',
        {
          object: { type: 'product-image', id },
          before: null,
          after: { ...stored, bytes: bytes.byteLength },
        },
        undefined,
      ),
      logger,
    );
    sendJson(res, 201, stored);
  } catch (error) {
    if (error instanceof AuditWriteFailed) {
      // Stored but not recorded: the same loud 500 a staff procedure gives (docs/audit-log.md).
      return sendJson(res, 500, { error: { message: error.message } });
    }
    if (!(error instanceof MediaRefusal)) throw error;
    logger.debug({ status: error.status, reason: error.message }, 'product image refused');
    // Say why and close: the rest of an oversized body is not read.
    if (!req.complete) res.setHeader('connection', 'close');
    sendJson(res, error.status, { error: { message: error.message } });
  }
}

/**
 * GET `?id=<id>&w=<width>`: the stored WebP nearest above that width. Ids are random and never
 * reused, so the answer is cacheable for good.
 */
export async function readProductImageRoute(req: IncomingMessage, res: ServerResponse) {
  const query = new URL(req.url ?? '/', 'http://cell').searchParams;
  const id = query.get('id') ?? '';
  const asked = Number(query.get('w') ?? '640');
  if (!productImageIdPattern.test(id) || !Number.isInteger(asked) || asked < 1 || asked > 4096) {
    return sendJson(res, 400, { error: 'id (32 hex digits) and w (a width in pixels) expected' });
  }
  const file = await readProductImage(id, renditionWidthFor(asked));
  if (!file) return sendJson(res, 404, { error: 'no such image' });
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
