import { mediaReadHandlers, mediaUploadHandlers } from './cell-media-routes';
import type { IdentityOptions } from './identity';

/**
 * The storefront's `POST /api/media/review-photos`: one photo for a review, forwarded to the
 * review cell's `/media/review-photos` with the shopper's access token (any signed-in shopper),
 * or with the review request link the page was opened with (`x-review-link`).
 */
export function reviewPhotoUploadHandlers(options: { identity?: IdentityOptions } = {}) {
  return mediaUploadHandlers({
    identity: options.identity ?? {},
    cell: 'review',
    cellPath: '/media/review-photos',
    maxBytes: 10 * 1024 * 1024,
    unavailable: 'Reviews are not answering; try again shortly.',
    // A shopper writing through an emailed review link has no session: the cell checks the link.
    linkHeader: 'x-review-link',
  });
}

/** Both apps' `GET /media/review/[id]?w=<width>`: a review photo (320 or 1280 wide). */
export function reviewPhotoReadHandlers() {
  return mediaReadHandlers({ cell: 'review', cellPath: '/media/review-photo' });
}
