import { productImageUploadHandlers } from '@shop/api/gateway';
import { adminCookieNames, adminCookies } from '@/auth/secret';

export const dynamic = 'force-dynamic';

// Product image uploads: the raw file, forwarded to the product cell with the staff member's
// access token from the admin's session cookie (see @shop/api/gateway, product-media-routes.ts).
export const { POST } = productImageUploadHandlers({
  identity: { sessionCookieNames: adminCookieNames(), audience: adminCookies.audience },
});
