import type { IncomingMessage, ServerResponse } from 'node:http';
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

/** Counts the request in flight until its response ends or its connection drops. */
export function trackCellHostRequest(req: IncomingMessage, res: ServerResponse): void {
  cellHostRequestsInFlight.inc();
  let done = false;
  const end = () => {
    if (done) return;
    done = true;
    cellHostRequestsInFlight.dec();
    const statusClass = res.writableFinished ? `${Math.floor(res.statusCode / 100)}xx` : 'aborted';
    cellHostResponses.labels(kindOf(req.url ?? '/'), statusClass).inc();
  };
  res.once('finish', end);
  res.once('close', end);
}
