import { productImageReadHandlers } from '@shop/api/gateway';

export const dynamic = 'force-dynamic';

// Uploaded product images, read from the product cell (the editor's thumbnails).
export const { GET } = productImageReadHandlers();
