import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAuthorizedBearer } from '../protocol/signing';
import { sendJson } from '../server/http-io';
import { executorMetricsRegistry } from './executor-metrics';

/**
 * `GET /metrics`: the executor's Prometheus metrics. Like the read API it needs the signing key
 * once one is configured, or `METRICS_TOKEN` (so Prometheus need not hold the signing key); with
 * neither configured it is open, as the whole executor is.
 */
export async function handleMetricsRoute(
  request: IncomingMessage,
  response: ServerResponse,
  secrets: { signingKey?: string; metricsToken?: string },
): Promise<void> {
  const authorization = request.headers.authorization;
  const allowed =
    (!secrets.signingKey && !secrets.metricsToken) ||
    [secrets.signingKey, secrets.metricsToken].some(
      (secret) => secret !== undefined && isAuthorizedBearer(authorization, secret),
    );
  if (!allowed) {
    sendJson(response, 401, { error: 'metrics need the signing key or METRICS_TOKEN' });
    return;
  }
  const body = await executorMetricsRegistry.metrics();
  response.writeHead(200, { 'content-type': executorMetricsRegistry.contentType });
  response.end(body);
}
