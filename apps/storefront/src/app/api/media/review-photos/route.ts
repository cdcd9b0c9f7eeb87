import { reviewPhotoUploadHandlers } from '@shop/api/gateway';

export const dynamic = 'force-dynamic';

// Review photo uploads: the raw file, forwarded to the review cell with the shopper's access
// token from the session cookie (see @shop/api/gateway, review-photo-routes.ts).
export const { POST } = reviewPhotoUploadHandlers();
