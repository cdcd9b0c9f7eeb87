import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AppRegistry } from '../engine/app-registry';
import type { EventIngestor } from '../engine/event-ingestor';
import type { RunFinisher } from '../engine/run-finisher';
import { handleMetricsRoute } from '../metrics/metrics-route';
import { isAuthorizedBearer } from '../protocol/signing';
import type { Store } from '../store/store';
import { headerValue, HttpError, sendJson } from './http-io';
import { handleEventRoute } from './routes/event-route';
import {
  handleCancelRunRoute,
  handleEventRoute as handleEventReadRoute,
  handleEventRunsRoute,
  handleOverviewRoute,
  handleRunRoute,
} from './routes/read-routes';
import { handleRegisterRoute } from './routes/register-route';

export interface HttpDeps {
  store: Store;
  registry: AppRegistry;
  ingestor: EventIngestor;
  finisher: RunFinisher;
  signingKey?: string;
  eventKey?: string;
  /** A second token `/metrics` accepts, besides the signing key. */
  metricsToken?: string;
  /** Largest single event accepted on `/e/`. */
  maxEventBytes: number;
  logger: Logger;
}

/** The executor's HTTP API: what SDKs call, plus a small read API for tests and humans. */
export function createHttpServer(deps: HttpDeps): Server {
  return createServer((request, response) => {
    route(request, response, deps).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendJson(response, error.status, { error: error.message, status: error.status });
        return;
      }
      deps.logger.error({ err: error, method: request.method, url: request.url }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error', status: 500 });
      else response.destroy();
    });
  });
}

async function route(request: IncomingMessage, response: ServerResponse, deps: HttpDeps) {
  const url = new URL(request.url ?? '/', 'http://executor');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = request.method ?? 'GET';
  let match: RegExpExecArray | null;

  if (method === 'POST' && (match = /^\/e\/([^/]+)$/.exec(path))) {
    return handleEventRoute(request, response, decodeURIComponent(match[1] ?? ''), {
      ingestor: deps.ingestor,
      requiredEventKey: deps.eventKey,
      maxEventBytes: deps.maxEventBytes,
    });
  }
  if (method === 'POST' && path === '/fn/register') {
    return handleRegisterRoute(request, response, deps);
  }
  if (path === '/health' && (method === 'GET' || method === 'HEAD')) {
    const up = deps.store.runs.db.readyState === 1;
    return sendJson(response, up ? 200 : 503, { status: up ? 'ok' : 'database unavailable' });
  }
  if (path === '/metrics' && method === 'GET') {
    return handleMetricsRoute(request, response, deps);
  }
  // Like Inngest's REST API, reads and cancellation need the signing key once one is configured.
  if (
    deps.signingKey &&
    !isAuthorizedBearer(headerValue(request, 'authorization'), deps.signingKey)
  ) {
    return sendJson(response, 401, { error: 'missing or wrong signing key' });
  }
  if (method === 'DELETE' && (match = /^\/v1\/runs\/([^/]+)$/.exec(path))) {
    return handleCancelRunRoute(response, decodeURIComponent(match[1] ?? ''), deps);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return sendJson(response, 404, { error: `no route for ${method} ${path}` });
  }
  if (path === '/') {
    const wantsJson = (headerValue(request, 'accept') ?? '').includes('application/json');
    return handleOverviewRoute(response, wantsJson, deps);
  }
  if ((match = /^\/v1\/runs\/([^/]+)$/.exec(path))) {
    return handleRunRoute(response, decodeURIComponent(match[1] ?? ''), deps.store);
  }
  if ((match = /^\/v1\/events\/([^/]+)\/runs$/.exec(path))) {
    return handleEventRunsRoute(response, decodeURIComponent(match[1] ?? ''), deps.store);
  }
  if ((match = /^\/v1\/events\/([^/]+)$/.exec(path))) {
    return handleEventReadRoute(response, decodeURIComponent(match[1] ?? ''), deps.store);
  }
  return sendJson(response, 404, { error: `no route for ${method} ${path}` });
}
