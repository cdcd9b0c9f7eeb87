import { trpcErrors, trpcRequestDuration } from '../observability/metrics';
import { middleware } from './init';

type DurationHistogram = ReturnType<typeof trpcRequestDuration.labels>;
// One labelled child per procedure, looked up once (procedure paths are a fixed, known set:
// unknown paths never reach a middleware).
const durations = new Map<string, DurationHistogram>();
function durationOf(cell: string, path: string): DurationHistogram {
  let histogram = durations.get(path);
  if (!histogram) durations.set(path, (histogram = trpcRequestDuration.labels(cell, path)));
  return histogram;
}

/** Times every procedure call and counts its errors, labelled by cell and procedure. */
export const metricsMiddleware = middleware(async ({ path, next }) => {
  const startedAt = process.hrtime.bigint();
  const result = await next();
  const cell = path.slice(0, path.indexOf('.'));
  durationOf(cell, path).observe(Number(process.hrtime.bigint() - startedAt) / 1e9);
  if (!result.ok) trpcErrors.labels(cell, path, result.error.code).inc();
  return result;
});
