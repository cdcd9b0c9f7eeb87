import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBucketRateLimiter } from '../src/gateway/rate-limiter';
import { gatewayRouteHandlers } from '../src/gateway/route-handlers';
import {
  startGatewayMetricsServer,
  type GatewayMetricsServer,
} from '../src/gateway/metrics-server';
import { freePort } from './support/free-port';
import { sampleValue } from './support/prometheus-text';

// The gateway's /metrics (its own port, its own token): what an operator's platform dashboard and
// alerts read about the browsers' calls (docs/observability/metrics-and-alerts.md).

const metricsToken = 'metrics-token-for-the-gateway-test-0123456789';
const cellCredential = 'cell-credential-for-the-gateway-test-0123456789';
let cell: Server;
let cellUrl: string;
let metrics: GatewayMetricsServer;

beforeAll(async () => {
  cell = createServer((req, res) => {
    res.writeHead(req.url?.includes('broken') ? 500 : 200, { 'content-type': 'application/json' });
    res.end('{"result":{}}');
  });
  await new Promise<void>((resolve) => cell.listen(0, '127.0.0.1', resolve));
  cellUrl = `http://127.0.0.1:${(cell.address() as AddressInfo).port}`;
  metrics = await startGatewayMetricsServer({
    port: 0,
    host: '127.0.0.1',
    cellCredential,
    metricsToken,
  });
});
afterAll(async () => {
  await metrics.close();
  await new Promise<void>((resolve) => cell.close(() => resolve()));
});

const call = (handlers: ReturnType<typeof gatewayRouteHandlers>, domain: string, path: string) =>
  handlers.GET(new Request(`http://shop.test/api/cells/${domain}/${path}`), {
    params: Promise.resolve({ domain, path: [path] }),
  });

const scrape = async () => {
  const response = await fetch(`${metrics.url}/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  expect(response.status).toBe(200);
  return response.text();
};

describe("the gateway's /metrics", () => {
  it('counts calls by domain and status class, rate-limited calls and cells that did not answer', async () => {
    const deadPort = await freePort();
    const handlers = gatewayRouteHandlers({
      urlFor: (domain) =>
        domain === 'review' ? `http://127.0.0.1:${deadPort}/trpc` : `${cellUrl}/trpc`,
      limiter: new TokenBucketRateLimiter({ burst: 4, perSecond: 0.001 }),
      cellCredential: undefined,
    });
    const before = await scrape();
    const count = (text: string, name: string, labels: Record<string, string> = {}) =>
      sampleValue(text, name, labels) ?? 0;

    expect((await call(handlers, 'product', 'product.list')).status).toBe(200);
    expect((await call(handlers, 'product', 'product.broken')).status).toBe(500);
    expect((await call(handlers, 'review', 'review.list')).status).toBe(503);
    expect((await call(handlers, 'nonsense', 'nonsense.list')).status).toBe(404);
    expect((await call(handlers, 'product', 'product.list')).status).toBe(429);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      count(after, name, labels) - count(before, name, labels);
    expect(delta('gateway_requests_total', { domain: 'product', status_class: '2xx' })).toBe(1);
    expect(delta('gateway_requests_total', { domain: 'product', status_class: '5xx' })).toBe(1);
    expect(delta('gateway_requests_total', { domain: 'review', status_class: '5xx' })).toBe(1);
    // A name a browser made up is not a label value of its own.
    expect(delta('gateway_requests_total', { domain: 'unknown', status_class: '4xx' })).toBe(1);
    expect(after).not.toContain('nonsense');
    expect(delta('gateway_rate_limited_total')).toBe(1);
    expect(
      delta('gateway_upstream_failures_total', { cell: 'review', reason: 'unreachable' }),
    ).toBe(1);
    expect(delta('gateway_request_duration_seconds_count', { domain: 'product' })).toBe(3);
  });

  it('answers only a caller with METRICS_TOKEN or the internal credential', async () => {
    const asked = (headers: Record<string, string>) =>
      fetch(`${metrics.url}/metrics`, { headers }).then((response) => response.status);
    expect(await asked({})).toBe(401);
    expect(await asked({ authorization: 'Bearer not-the-token' })).toBe(401);
    expect(await asked({ authorization: `Bearer ${cellCredential}` })).toBe(200);
    expect(await asked({ 'x-shop-cell-token': cellCredential })).toBe(200);
    expect((await fetch(`${metrics.url}/api/cells/product/product.list`)).status).toBe(404);
  });
});
