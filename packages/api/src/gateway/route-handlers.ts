import { cellUrlsFromEnv } from '../client/cell-urls';
import { allowedOriginsFrom, appServerConfig } from '../config/app-server';
import { createGateway, type GatewayOptions, type GatewayTarget } from './create-gateway';
import { rateLimitOptionsFromEnv, TokenBucketRateLimiter } from './rate-limiter';

/**
 * The `GET` and `POST` handlers an app exports from `app/api/cells/[domain]/[...path]/route.ts`:
 * the gateway configured from the environment (cell URLs, rate limits, the app's own origins, the
 * internal credential), one per app instance.
 */
export function gatewayRouteHandlers(options: Partial<GatewayOptions> = {}) {
  const config = appServerConfig();
  const forward = createGateway({
    urlFor: (domain) => cellUrlsFromEnv(appServerConfig())(domain),
    limiter: new TokenBucketRateLimiter(rateLimitOptionsFromEnv()),
    allowedOrigins: allowedOriginsFrom(config),
    cellCredential: config.CELL_SERVICE_TOKEN,
    ...options,
  });
  const handle = async (
    request: Request,
    context: { params: Promise<GatewayTarget> },
  ): Promise<Response> => forward(request, await context.params);
  return { GET: handle, POST: handle };
}
