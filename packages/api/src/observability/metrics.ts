import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process: every host in a process shares it, and labels (cell, procedure)
 * tell the cells apart. A dedicated registry keeps other libraries' metrics out.
 */
export const metricsRegistry = new Registry();
// Includes nodejs_eventloop_lag_seconds (and its p50/p90/p99), process memory and CPU.
collectDefaultMetrics({ register: metricsRegistry });

export const trpcRequestDuration = new Histogram({
  name: 'trpc_request_duration_seconds',
  help: 'Time spent resolving one tRPC procedure call, including input validation',
  labelNames: ['cell', 'procedure'] as const,
  // Cells should answer in milliseconds; the upper buckets catch slow database paths.
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const trpcErrors = new Counter({
  name: 'trpc_errors_total',
  help: 'tRPC procedure calls that ended in an error, by error code',
  labelNames: ['cell', 'procedure', 'code'] as const,
  registers: [metricsRegistry],
});

// The cell host's own request metrics (in flight, responses) live in cell-host-metrics.ts.
