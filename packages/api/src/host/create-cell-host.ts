import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeDatabaseConnections } from '@shop/db';
import { tracingStarted } from '@shop/telemetry';
import type { Logger } from 'pino';
import type { CellDefinition } from '../cells/cell-definition';
import { loadCells } from '../cells/registry';
import { cellUrlsFromEnv } from '../client/cell-urls';
import { commonConfig } from '../config/common';
import { hostConfig } from '../config/host';
import { routeCellCallsTo } from '../cross-cell/cell-client';
import { domains, isDomain, type Domain } from '../domains';
import { createAccessTokenVerifier } from '../identity/access-token';
import { remoteAuthKeySet } from '../identity/remote-key-set';
import {
  trackCellHostRequest,
  watchCellHostDependencies,
} from '../observability/cell-host-metrics';
import { rootLogger } from '../observability/logger';
import { metricsRegistry } from '../observability/metrics';
import { runInRequestScope } from '../observability/request-context';
import { inRequestSpan } from '../observability/tracing-spans';
import { createInngestEndpoints, inngestPathPrefix } from './inngest-endpoints';
import { defaultInngestReadinessUrl, inngestUnreachable } from './inngest-reachability';
import { sendJson } from './json-response';
import { isInternalCaller, isPublicPath, mayReadMetrics } from './internal-caller';
import { answerHealth, answerReadiness, type ReadinessState } from './probes';
import { answerUnexpectedError } from './unexpected-error';
import { requestIdOf } from './request-id';
import { requestSpanOf } from './request-span';
import { createTrpcEndpoint } from './trpc-endpoint';

export interface CellHostOptions {
  /** Which cells this process serves. */
  cells: readonly Domain[] | 'all';
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  logger?: Logger;
  /** How long in-flight requests may take to finish after `close()` before being cut. */
  shutdownGraceMs?: number;
  /**
   * The internal credential procedures and `/metrics` require (`x-shop-cell-token`); default
   * `CELL_SERVICE_TOKEN`. Unset: every caller is treated as internal (tests, development).
   */
  cellCredential?: string;
  /** A second token `/metrics` accepts as `Authorization: Bearer`; default `METRICS_TOKEN`. */
  metricsToken?: string;
  /** Where the Inngest server reaches this host; default `INNGEST_SERVE_ORIGIN`. */
  inngestServeOrigin?: string;
  /**
   * Not ready until the Inngest engine at this URL has answered once (`/readyz`); false: no such
   * check. Default in production: INNGEST_BASE_URL, else Inngest Cloud's event address, when a
   * hosted cell has functions; elsewhere none (tests and `pnpm dev` start the engine themselves).
   */
  inngestReadinessUrl?: string | false;
}

export interface CellHost {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  cells: readonly Domain[];
  /** Stops accepting, waits for in-flight requests (up to the grace period), closes databases. */
  close(): Promise<void>;
}

const trpcPrefix = '/trpc/';

function pathnameOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function decodeProcedurePath(raw: string): string | null {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * One `node:http` server for the chosen cells: `/trpc/*`, `/api/inngest/<domain>`, `/healthz`,
 * `/readyz`, `/metrics`, plus the cells' own routes (the auth cell's JWKS). Resolves once every
 * hosted cell's database is connected and the server listens. With an internal credential
 * configured (always in production), procedures and `/metrics` answer only callers presenting it;
 * the probes, the Inngest endpoints and the cells' own routes stay public (internal-caller.ts).
 */
export async function createCellHost(options: CellHostOptions): Promise<CellHost> {
  const logger = options.logger ?? rootLogger;
  const hostedDomains: Domain[] =
    options.cells === 'all' ? [...domains] : [...new Set(options.cells)];
  const cells: CellDefinition[] = await loadCells(hostedDomains);
  const inngestReadinessUrl = options.inngestReadinessUrl ?? defaultInngestReadinessUrl(cells);
  const state: ReadinessState = {
    started: false,
    draining: false,
    ...(inngestReadinessUrl && { inngest: { url: inngestReadinessUrl, reached: false } }),
  };

  watchCellHostDependencies();
  for (const cell of cells) await cell.database?.connect();
  for (const cell of cells) await cell.start?.();

  const localKeys = cells.find((cell) => cell.accessTokenKeySet)?.accessTokenKeySet?.();
  const verifyAccessToken = createAccessTokenVerifier(localKeys ?? remoteAuthKeySet());
  const trpc = createTrpcEndpoint(cells, verifyAccessToken, logger);
  const inngest = createInngestEndpoints(cells, logger, {
    serveOrigin:
      'inngestServeOrigin' in options
        ? options.inngestServeOrigin
        : hostConfig().INNGEST_SERVE_ORIGIN,
    signingKeyFallback: hostConfig().INNGEST_SIGNING_KEY_FALLBACK,
  });
  const cellRoutes = new Map(cells.flatMap((cell) => Object.entries(cell.httpRoutes ?? {})));
  const publicCellRoutes = new Set(cellRoutes.keys());
  const logEachRequest = logger.isLevelEnabled('debug');
  const cellCredential =
    'cellCredential' in options ? options.cellCredential : hostConfig().CELL_SERVICE_TOKEN;
  const metricsToken =
    'metricsToken' in options ? options.metricsToken : hostConfig().METRICS_TOKEN;

  const route = async (
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    requestId: string,
  ) => {
    const internal = isInternalCaller(req, cellCredential);
    if (pathname === '/metrics') {
      if (!mayReadMetrics(req, cellCredential, metricsToken)) {
        return sendJson(res, 401, {
          error: 'metrics need the internal credential or METRICS_TOKEN',
        });
      }
    } else if (!internal && !isPublicPath(pathname, publicCellRoutes)) {
      logger.debug({ requestId, path: pathname }, 'refused: no internal credential');
      return sendJson(res, 401, {
        error: 'this cell answers only the platform itself (missing or wrong internal credential)',
      });
    }
    if (pathname.startsWith(trpcPrefix)) {
      const procedurePath = decodeProcedurePath(pathname.slice(trpcPrefix.length));
      if (procedurePath === null) return sendJson(res, 400, { error: 'malformed procedure path' });
      return trpc(req, res, procedurePath, requestId, internal);
    }
    if (pathname.startsWith(inngestPathPrefix)) {
      const domain = pathname.slice(inngestPathPrefix.length);
      const serveInngest = isDomain(domain) ? inngest.get(domain) : undefined;
      if (!serveInngest) return sendJson(res, 404, { error: `no cell "${domain}" here` });
      return serveInngest(req, res, internal);
    }
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    const cellRoute = cellRoutes.get(pathname);
    if (cellRoute && typeof cellRoute !== 'function') {
      if (req.method !== cellRoute.method)
        return sendJson(res, 405, { error: 'method not allowed' });
      return cellRoute.handle(req, res);
    }
    const answer =
      pathname === '/healthz'
        ? () => answerHealth(res)
        : pathname === '/readyz'
          ? () => answerReadiness(res, cells, state)
          : pathname === '/metrics'
            ? async () => {
                const body = await metricsRegistry.metrics();
                res.setHeader('content-type', metricsRegistry.contentType);
                res.end(body);
              }
            : cellRoute;
    if (!answer) return sendJson(res, 404, { error: 'not found' });
    if (!readOnly) return sendJson(res, 405, { error: 'method not allowed' });
    await answer(req, res);
  };

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    trackCellHostRequest(res);
    res.setHeader('x-request-id', requestId);
    // While draining, finish this response and then let the keep-alive connection go.
    if (state.draining) res.setHeader('connection', 'close');
    if (logEachRequest) {
      const startedAt = performance.now();
      res.once('finish', () =>
        logger.debug(
          {
            requestId,
            method: req.method,
            url: req.url,
            status: res.statusCode,
            ms: Math.round(performance.now() - startedAt),
          },
          'request',
        ),
      );
    }
    const url = req.url ?? '/';
    const pathname = pathnameOf(url);
    const scope = { requestId, authorization: req.headers.authorization, memo: new Map() };
    // With tracing off (no OTLP endpoint) the span would be OpenTelemetry's no-op: it is not
    // made at all, since its set-up (context lookups, propagation, a wrapper promise) is a
    // measurable share of a small request.
    const handled = tracingStarted()
      ? runInRequestScope(scope, () => {
          const span = requestSpanOf(req.method ?? 'GET', pathname, url);
          return inRequestSpan(span.name, req.headers, span.attributes, async (active) => {
            active.setAttribute('shop.request_id', requestId);
            await route(req, res, pathname, requestId);
            // The handler may return before the response ends (streamed answers); status as sent.
            active.setAttribute('http.response.status_code', res.statusCode);
          });
        })
      : runInRequestScope(scope, () => route(req, res, pathname, requestId));
    handled.catch((error: unknown) =>
      answerUnexpectedError(res, error, logger, requestId, req.url),
    );
  });
  // Keep-alive longer than typical proxies' idle timeouts, so proxies close first (no resets).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const listenHost = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const url = `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`;

  // Cells hosted here are called on this host; the rest wherever the environment says.
  const elsewhere = cellUrlsFromEnv(commonConfig());
  routeCellCallsTo((domain) =>
    hostedDomains.includes(domain) ? `${url}/trpc` : elsewhere(domain),
  );
  state.started = true;
  logger.info({ url, cells: hostedDomains }, 'cell host listening');
  if (state.inngest) {
    // Said at once in the log, not only in the probe's body (which kubelet does not show).
    const engine = state.inngest;
    void inngestUnreachable(engine.url).then((error) => {
      if (!error) engine.reached = true;
      else
        logger.error(
          { inngest: engine.url, error },
          'Inngest is unreachable: not ready until it answers (no checkout can complete without it)',
        );
    });
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      state.draining = true;
      logger.info('draining');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets turn idle as their in-flight responses finish; close them as they do
      // (server.close alone closes only those idle at the moment it is called).
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const graceMs = options.shutdownGraceMs ?? 10_000;
      const deadline = setTimeout(() => {
        logger.warn({ graceMs }, 'grace period over: closing remaining connections');
        server.closeAllConnections();
      }, graceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
      await closeDatabaseConnections();
      logger.info('cell host closed');
    })();
    return closing;
  };

  return { url, cells: hostedDomains, close };
}
