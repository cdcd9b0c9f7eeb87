import { cellUrlsFromEnv } from '../client/cell-urls';
import { allowedOriginsFrom, appServerConfig } from '../config/app-server';
import { createGateway, type GatewayOptions, type GatewayTarget } from './create-gateway';
import { recordGatewayCall } from './gateway-metrics';
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
  ): Promise<Response> => {
    const startedAt = performance.now();
    const target = await context.params;
    const response = await forward(request, target);
    // Until the cell's headers: the body streams on, and a slow reader is not a slow cell.
    recordGatewayCall(
      target.domain,
      request.method,
      response.status,
      (performance.now() - startedAt) / 1000,
    );
    return response;
  };
  return { GET: handle, POST: handle };
}
