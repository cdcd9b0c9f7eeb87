import { trpcErrors, trpcRequestDuration } from '../observability/metrics';

type DurationHistogram = ReturnType<typeof trpcRequestDuration.labels>;
// One labelled child per procedure, looked up once (procedure paths are a fixed, known set:
// unknown paths never reach a middleware).
const durations = new Map<string, DurationHistogram>();
function durationOf(cell: string, path: string): DurationHistogram {
  let histogram = durations.get(path);
  if (!histogram) durations.set(path, (histogram = trpcRequestDuration.labels(cell, path)));
  return histogram;
}

/**
 * Records one procedure call, labelled by cell and procedure: its duration since `startedAt`
 * (`process.hrtime.bigint()`) and, when it failed, its error code.
 */
export function recordProcedureCall(path: string, startedAt: bigint, errorCode?: string): void {
  const cell = path.slice(0, path.indexOf('.'));
  durationOf(cell, path).observe(Number(process.hrtime.bigint() - startedAt) / 1e9);
  if (errorCode) trpcErrors.labels(cell, path, errorCode).inc();
}
