import { mediaReadHandlers, mediaUploadHandlers } from './cell-media-routes';
import type { IdentityOptions } from './identity';

/**
 * The admin's `POST /api/media/product-images`: one image file, forwarded to the product cell's
 * `/media/product-images` with the staff member's access token (the cell checks `catalog:write`).
 * See cell-media-routes.ts for the rules every upload route keeps.
 */
export function productImageUploadHandlers(options: { identity: IdentityOptions }) {
  return mediaUploadHandlers({
    identity: options.identity,
    cell: 'product',
    cellPath: '/media/product-images',
    maxBytes: 15 * 1024 * 1024,
    unavailable: 'The catalogue service is not answering; try again shortly.',
  });
}

/**
 * Both apps' `GET /media/product/[id]?w=<width>`: an uploaded product image from the product
 * cell. `next/image` uses it through `productImageLoader` (@shop/ui).
 */
export function productImageReadHandlers() {
  return mediaReadHandlers({ cell: 'product', cellPath: '/media/product-image' });
}
