import { productImageReadHandlers } from '@shop/api/gateway';

export const dynamic = 'force-dynamic';

// Uploaded product images, read from the product cell; cacheable for a year (ids never change
// content), so a CDN in front serves repeat views.
export const { GET } = productImageReadHandlers();
