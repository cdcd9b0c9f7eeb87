import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appServerConfig } from '../config/app-server';
import { mayReadMetrics } from '../host/internal-caller';
import { gatewayMetrics } from './gateway-metrics';

export interface GatewayMetricsServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** The internal credential; its bearer form opens /metrics (as on the cell hosts). */
  cellCredential?: string;
  /** The scraper's own token (`METRICS_TOKEN`). */
  metricsToken?: string;
}

export interface GatewayMetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `/metrics` of an app's gateway on its own port, which neither the Service's public port nor the
 * ingress reaches. The same rule as the cell hosts: with a credential configured, only a caller
 * presenting `CELL_SERVICE_TOKEN` or `METRICS_TOKEN` (`Authorization: Bearer`) reads it.
 */
export async function startGatewayMetricsServer(
  options: GatewayMetricsServerOptions,
): Promise<GatewayMetricsServer> {
  const { registry } = gatewayMetrics();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const answer = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type }).end(body);
    };
    if (path !== '/metrics') return answer(404, '{"error":"not found"}');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return answer(405, '{"error":"method not allowed"}');
    }
    if (!mayReadMetrics(req, options.cellCredential, options.metricsToken)) {
      return answer(401, '{"error":"metrics need the internal credential or METRICS_TOKEN"}');
    }
    registry.metrics().then(
      (body) => answer(200, body, registry.contentType),
      () => answer(500, '{"error":"metrics could not be collected"}'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Started by each app's instrumentation.ts: on `GATEWAY_METRICS_PORT` when set (the k8s base sets
 * 9464), nothing otherwise (`pnpm dev`, e2e). Once per process.
 */
export async function startGatewayMetricsFromEnv(): Promise<GatewayMetricsServer | undefined> {
  const config = appServerConfig();
  if (config.GATEWAY_METRICS_PORT === undefined) return undefined;
  const global = globalThis as typeof globalThis & { [started]?: Promise<GatewayMetricsServer> };
  global[started] ??= startGatewayMetricsServer({
    port: config.GATEWAY_METRICS_PORT,
    cellCredential: config.CELL_SERVICE_TOKEN,
    metricsToken: config.METRICS_TOKEN,
  });
  return global[started];
}

const started = Symbol.for('shop.gateway.metrics-server');
