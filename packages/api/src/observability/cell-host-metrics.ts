import type { ServerResponse } from 'node:http';
import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from './metrics';
import { registerMongoMetrics } from './mongo-metrics';

const kinds = ['trpc', 'inngest', 'probe', 'metrics', 'other'] as const;
type Kind = (typeof kinds)[number];
/** `0xx`...`9xx` by the status code's first digit, then `aborted` (the connection dropped first). */
const statusClasses = [...Array.from({ length: 10 }, (_, digit) => `${digit}xx`), 'aborted'];
const aborted = statusClasses.length - 1;

// Counted in plain numbers per request and handed to prom-client when /metrics is read: its
// `inc()` and `labels()` check and hash the label values on every call, a measurable share of a
// trivial request's cost.
let requestsInFlight = 0;
const responseCounts = new Map<Kind, number[]>(
  kinds.map((kind) => [kind, statusClasses.map(() => 0)]),
);

new Gauge({
  name: 'cell_host_requests_in_flight',
  help: 'HTTP requests the cell host is handling right now',
  registers: [metricsRegistry],
  collect() {
    this.set(requestsInFlight);
  },
});

/**
 * Every answer of the cell host by what was asked (`trpc`, `inngest`, `probe`, `metrics`,
 * `other`) and status class, so a 500 outside a procedure (the host's own catch) counts. The 2xx,
 * 4xx and 5xx series exist from the start at 0: rate() sees the first error as an increase, where
 * a series born at its first error would show only from its second.
 */
new Counter({
  name: 'cell_host_responses_total',
  help: 'HTTP responses of the cell host by kind of path and status class (2xx, 4xx, 5xx)',
  labelNames: ['kind', 'status_class'] as const,
  registers: [metricsRegistry],
  collect() {
    // Totals only grow, so setting each series to its total keeps the counter a counter.
    this.reset();
    for (const [kind, counts] of responseCounts) {
      counts.forEach((count, index) => {
        const statusClass = statusClasses[index]!;
        if (count > 0 || statusClass === '2xx' || statusClass === '4xx' || statusClass === '5xx')
          this.inc({ kind, status_class: statusClass }, count);
      });
    }
  },
});

let mongoWatched = false;

/** The cell host's process-wide metrics that need wiring once: the MongoDB driver's events. */
export function watchCellHostDependencies(): void {
  if (mongoWatched) return;
  mongoWatched = true;
  registerMongoMetrics(metricsRegistry);
}

function kindOf(url: string): Kind {
  if (url.startsWith('/trpc/')) return 'trpc';
  if (url.startsWith('/api/inngest/')) return 'inngest';
  if (url.startsWith('/healthz') || url.startsWith('/readyz')) return 'probe';
  if (url.startsWith('/metrics')) return 'metrics';
  return 'other';
}

// One listener shared by every response (no closure per request): `this` is the response.
function countResponse(this: ServerResponse): void {
  requestsInFlight -= 1;
  const statusClass = this.writableFinished
    ? Math.min(9, Math.max(0, Math.floor(this.statusCode / 100)))
    : aborted;
  responseCounts.get(kindOf(this.req.url ?? '/'))![statusClass]! += 1;
}

/** Counts the request in flight until its response ends or its connection drops. */
export function trackCellHostRequest(res: ServerResponse): void {
  requestsInFlight += 1;
  // A response emits `close` once, after `finish` when it was sent, alone when the connection
  // dropped first.
  res.on('close', countResponse);
}
