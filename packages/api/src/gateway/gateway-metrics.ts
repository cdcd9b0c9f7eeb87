import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { domains, isDomain } from '../domains';

export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<'domain' | 'method' | 'status_class'>;
  duration: Histogram<'domain'>;
  rateLimited: Counter;
  upstreamFailures: Counter<'cell' | 'reason'>;
}

/** Each domain's series exist from the start at 0, so rate() sees a first error as an increase. */
function zeroSeries(metrics: GatewayMetrics): GatewayMetrics {
  for (const domain of domains) {
    for (const method of ['GET', 'POST']) {
      for (const statusClass of ['2xx', '4xx', '5xx']) {
        metrics.requests.labels(domain, method, statusClass).inc(0);
      }
    }
    metrics.upstreamFailures.labels(domain, 'unreachable').inc(0);
    metrics.upstreamFailures.labels(domain, 'timeout').inc(0);
  }
  return metrics;
}

function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  // Process memory, CPU and event-loop lag of the app server, as the cell hosts report them.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'gateway_requests_total',
      help: 'Browser calls through the gateway, by cell domain, method and status class',
      labelNames: ['domain', 'method', 'status_class'] as const,
      registers,
    }),
    duration: new Histogram({
      name: 'gateway_request_duration_seconds',
      help: 'Time from a call reaching the gateway to the cell answering (headers), by domain',
      labelNames: ['domain'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers,
    }),
    rateLimited: new Counter({
      name: 'gateway_rate_limited_total',
      help: "Calls refused with 429 by the gateway's per-address rate limit",
      registers,
    }),
    upstreamFailures: new Counter({
      name: 'gateway_upstream_failures_total',
      help: 'Calls the gateway could not get answered by the cell (503 to the browser), by cell and reason',
      labelNames: ['cell', 'reason'] as const,
      registers,
    }),
  };
}

/**
 * Next.js compiles the route handlers and instrumentation.ts (which serves /metrics) into
 * separate bundles, each with its own copy of this module; the process-wide slot makes them share
 * one set of metrics.
 */
const slot = Symbol.for('shop.gateway.metrics');
type GlobalWithMetrics = typeof globalThis & { [slot]?: GatewayMetrics };

export function gatewayMetrics(): GatewayMetrics {
  const global = globalThis as GlobalWithMetrics;
  global[slot] ??= zeroSeries(createGatewayMetrics());
  return global[slot];
}

/** The domain label: a known domain, else `unknown` (a browser cannot add label values). */
export function domainLabel(domain: string): string {
  return isDomain(domain) ? domain : 'unknown';
}

/** Counts one answered call and how long it took. */
export function recordGatewayCall(
  domain: string,
  method: string,
  status: number,
  seconds: number,
): void {
  const metrics = gatewayMetrics();
  const label = domainLabel(domain);
  metrics.requests
    .labels(
      label,
      method === 'GET' || method === 'POST' ? method : 'other',
      `${Math.floor(status / 100)}xx`,
    )
    .inc();
  metrics.duration.labels(label).observe(seconds);
}
