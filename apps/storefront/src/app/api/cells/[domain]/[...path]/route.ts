import { gatewayRouteHandlers } from '@shop/api/gateway';

// Every call is live: nothing here may be cached or prerendered at build time.
export const dynamic = 'force-dynamic';

// The API gateway: forwards the browser's tRPC calls to the owning cell (see @shop/api/gateway).
export const { GET, POST } = gatewayRouteHandlers();
