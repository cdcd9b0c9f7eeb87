import { reviewPhotoReadHandlers } from '@shop/api/gateway';

export const dynamic = 'force-dynamic';

// Review photos, read from the review cell; cacheable for a year (ids never change content).
export const { GET } = reviewPhotoReadHandlers();
