import { trpcErrors, trpcRequestDuration } from '../observability/metrics';
import { middleware } from './init';

/** Times every procedure call and counts its errors, labelled by cell and procedure. */
export const metricsMiddleware = middleware(async ({ path, next }) => {
  const startedAt = process.hrtime.bigint();
  const result = await next();
  const cell = path.slice(0, path.indexOf('.'));
  trpcRequestDuration.labels(cell, path).observe(Number(process.hrtime.bigint() - startedAt) / 1e9);
  if (!result.ok) trpcErrors.labels(cell, path, result.error.code).inc();
  return result;
});
