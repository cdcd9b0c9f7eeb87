import { cellUrlsFromEnv } from '../client/cell-urls';
import { appServerConfig } from '../config/app-server';
import { createGateway, type GatewayOptions, type GatewayTarget } from './create-gateway';
import { rateLimitOptionsFromEnv, TokenBucketRateLimiter } from './rate-limiter';

/**
 * The `GET` and `POST` handlers an app exports from `app/api/cells/[domain]/[...path]/route.ts`:
 * the gateway configured from the environment (cell URLs, rate limits), one per app instance.
 */
export function gatewayRouteHandlers(options: Partial<GatewayOptions> = {}) {
  const forward = createGateway({
    urlFor: (domain) => cellUrlsFromEnv(appServerConfig())(domain),
    limiter: new TokenBucketRateLimiter(rateLimitOptionsFromEnv()),
    ...options,
  });
  const handle = async (
    request: Request,
    context: { params: Promise<GatewayTarget> },
  ): Promise<Response> => forward(request, await context.params);
  return { GET: handle, POST: handle };
}
