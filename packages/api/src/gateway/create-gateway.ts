import type { Logger } from 'pino';
import { isDomain, type Domain } from '../client';
import { rootLogger } from '../observability/logger';
import { attachCartToken } from './cart-token';
import { clientAddressOf } from './client-address';
import { crossSiteRefusal } from './cross-site';
import { inGatewaySpan } from './gateway-span';
import { gatewayMetrics } from './gateway-metrics';
import { headersForBrowser, headersForCell } from './forwarded-headers';
import { attachIdentity, type IdentityOptions } from './identity';
import { jsonError } from './json-error';
import type { TokenBucketRateLimiter } from './rate-limiter';
import { readBodyWithin } from './read-body';
import { requestIdFrom } from './request-id';

export interface GatewayOptions {
  /** The cell's tRPC endpoint for a domain (`cellUrlsFromEnv()` in production). */
  urlFor: (domain: Domain) => string;
  limiter: TokenBucketRateLimiter;
  /** How long a cell may take to answer before the browser is told it is unavailable. */
  timeoutMs?: number;
  maxBodyBytes?: number;
  fetch?: typeof fetch;
  /** Which session cookie carries the user's tokens (the admin names its own). */
  identity?: IdentityOptions;
  /**
   * The origins whose pages may POST through this gateway (the app's own public origin; see
   * `allowedOriginsFrom`). Browsers that send `Sec-Fetch-Site` are judged by it instead.
   * Default none: only `Sec-Fetch-Site: same-origin` POSTs pass.
   */
  allowedOrigins?: readonly string[];
  /** The internal credential (`CELL_SERVICE_TOKEN`) presented to the cells; none in tests. */
  cellCredential?: string;
  /** Where a failed forward is logged; default the process's structured logger. */
  logger?: Logger;
}

export interface GatewayTarget {
  domain: string;
  path: string[];
}

const procedureName = /^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/;

/**
 * The API gateway of the design: the browser's tRPC calls arrive at
 * `/api/cells/<domain>/<procedures>` and are forwarded to that domain's cell, with a request id,
 * the client's address, a per-client rate limit, the user's identity and the internal credential.
 * State-changing calls (POST) are accepted only from the app's own pages and only as JSON
 * (cross-site.ts). Cells are never exposed to browsers directly. Framework-free: web
 * Request/Response only.
 */
export function createGateway(options: GatewayOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const fetchCell = options.fetch ?? fetch;

  const forward = async (request: Request, target: GatewayTarget): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const clientAddress = clientAddressOf(request.headers);

    const decision = options.limiter.take(clientAddress);
    if (!decision.allowed) {
      gatewayMetrics().rateLimited.inc();
      return jsonError(429, 'Too many requests, please slow down', requestId, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }

    if (request.method === 'POST') {
      const refusal = crossSiteRefusal(request.headers, options.allowedOrigins ?? []);
      if (refusal) return jsonError(refusal.status, refusal.message, requestId);
    }

    const { domain } = target;
    if (!isDomain(domain)) return jsonError(404, 'Unknown service', requestId);
    const procedures = procedurePathWithin(domain, target.path);
    if (!procedures) return jsonError(404, `Unknown ${domain} procedure`, requestId);

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.method === 'POST') {
      const read = await readBodyWithin(request, maxBodyBytes);
      if (!read) return jsonError(413, 'Request body too large', requestId);
      body = read;
    }

    const toCell = headersForCell(request.headers, {
      requestId,
      clientAddress,
      cellCredential: options.cellCredential,
    });
    await attachIdentity(request, toCell, options.identity);
    attachCartToken(request, domain, toCell);

    const url = `${options.urlFor(domain)}/${procedures}${new URL(request.url).search}`;
    let fromCell: Response;
    try {
      fromCell = await fetchCell(url, {
        method: request.method,
        headers: toCell,
        body,
        redirect: 'manual',
        // Give up when the cell is too slow or when the browser has gone away.
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), request.signal]),
      });
    } catch (error) {
      // The browser went away first: nothing to answer, and nothing wrong with the cell.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      gatewayMetrics()
        .upstreamFailures.labels(domain, timedOut ? 'timeout' : 'unreachable')
        .inc();
      (options.logger ?? rootLogger).warn(
        {
          domain,
          requestId,
          reason: error instanceof Error ? String(error.cause ?? error) : String(error),
        },
        'cell unreachable',
      );
      return jsonError(503, `The ${domain} service is unavailable`, requestId);
    }

    return new Response(fromCell.body, {
      status: fromCell.status,
      headers: headersForBrowser(fromCell.headers, requestId),
    });
  };
  return (request: Request, target: GatewayTarget): Promise<Response> =>
    inGatewaySpan(request, target, () => forward(request, target));
}

/**
 * The tRPC procedure path (`product.list` or a batch `product.list,product.categories`) when
 * every procedure belongs to `domain`: a gateway route for one cell never reaches another's
 * procedures, even where one host serves every cell.
 */
function procedurePathWithin(domain: Domain, path: string[]): string | null {
  if (path.length !== 1 || !path[0]) return null;
  const names = path[0].split(',');
  const allInDomain = names.every(
    (name) => procedureName.test(name) && name.startsWith(`${domain}.`),
  );
  return allInDomain ? names.join(',') : null;
}
