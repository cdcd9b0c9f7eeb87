import { trpcErrors, trpcRequestDuration } from '../observability/metrics';

type DurationHistogram = ReturnType<typeof trpcRequestDuration.labels>;
// One labelled child per procedure, looked up once (procedure paths are a fixed, known set:
// unknown paths never reach a middleware).
const durations = new Map<string, DurationHistogram>();

function cellOf(path: string): string {
  return path.slice(0, path.indexOf('.'));
}

/**
 * Records one procedure call, labelled by cell and procedure: its duration since `startedAt`
 * (`performance.now()`) and, when it failed, its error code.
 */
export function recordProcedureCall(path: string, startedAt: number, errorCode?: string): void {
  let histogram = durations.get(path);
  if (!histogram) durations.set(path, (histogram = trpcRequestDuration.labels(cellOf(path), path)));
  histogram.observe((performance.now() - startedAt) / 1000);
  if (errorCode) trpcErrors.labels(cellOf(path), path, errorCode).inc();
}
