import { gatewayRouteHandlers } from '@shop/api/gateway';
import { adminCookieNames, adminCookies } from '@/auth/secret';

// Every call is live: nothing here may be cached or prerendered at build time.
export const dynamic = 'force-dynamic';

// The API gateway: forwards the browser's tRPC calls to the owning cell (see @shop/api/gateway),
// with the staff member's access token from the admin's own session cookie.
export const { GET, POST } = gatewayRouteHandlers({
  identity: { sessionCookieNames: adminCookieNames(), audience: adminCookies.audience },
});
