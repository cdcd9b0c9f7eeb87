import type { ServerResponse } from 'node:http';
import { cellHostRequestsInFlight, cellHostResponses, metricsRegistry } from './metrics';
import { registerMongoMetrics } from './mongo-metrics';

const kinds = ['trpc', 'inngest', 'probe', 'metrics', 'other'] as const;
// Every series exists from the start at 0: rate() sees the first error as an increase, where a
// series born at its first error would show only from its second.
for (const kind of kinds) {
  for (const statusClass of ['2xx', '4xx', '5xx'])
    cellHostResponses.labels(kind, statusClass).inc(0);
}

let mongoWatched = false;

/** The cell host's process-wide metrics that need wiring once: the MongoDB driver's events. */
export function watchCellHostDependencies(): void {
  if (mongoWatched) return;
  mongoWatched = true;
  registerMongoMetrics(metricsRegistry);
}

function kindOf(url: string): (typeof kinds)[number] {
  if (url.startsWith('/trpc/')) return 'trpc';
  if (url.startsWith('/api/inngest/')) return 'inngest';
  if (url.startsWith('/healthz') || url.startsWith('/readyz')) return 'probe';
  if (url.startsWith('/metrics')) return 'metrics';
  return 'other';
}

type ResponseCounter = ReturnType<typeof cellHostResponses.labels>;
// One labelled child per (kind, status class), looked up once: prom-client's `labels()` checks
// and copies the label values on every call, a measurable share of a trivial request.
const responseCounters = new Map<string, ResponseCounter>();
function responseCounter(kind: string, statusClass: string): ResponseCounter {
  const key = `${kind} ${statusClass}`;
  let counter = responseCounters.get(key);
  if (!counter) responseCounters.set(key, (counter = cellHostResponses.labels(kind, statusClass)));
  return counter;
}

// One listener shared by every response (no closure per request): `this` is the response.
function countResponse(this: ServerResponse): void {
  cellHostRequestsInFlight.dec();
  const statusClass = this.writableFinished ? `${Math.floor(this.statusCode / 100)}xx` : 'aborted';
  responseCounter(kindOf(this.req.url ?? '/'), statusClass).inc();
}

/** Counts the request in flight until its response ends or its connection drops. */
export function trackCellHostRequest(res: ServerResponse): void {
  cellHostRequestsInFlight.inc();
  // A response emits `close` once, after `finish` when it was sent, alone when the connection
  // dropped first.
  res.on('close', countResponse);
}
