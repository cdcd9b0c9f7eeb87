import { databaseUnavailable, isDatabaseUnreachable } from './database-outage';
import { middleware } from './init';

/**
 * Every procedure of every cell: a database that cannot be reached answers 503
 * SERVICE_UNAVAILABLE with `Retry-After` (the apps show their "unavailable" notice and callers
 * may retry) instead of a 500 that reads as a bug. One warning per failed call, without a stack.
 */
export const databaseOutageMiddleware = middleware(async ({ ctx, path, next }) => {
  const result = await next();
  // Only errors nothing else mapped (tRPC wraps a thrown driver error as INTERNAL_SERVER_ERROR).
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  if (!isDatabaseUnreachable(result.error)) return result;
  const cause = result.error.cause ?? result.error;
  ctx.logger.warn(
    { path, error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) },
    'database unreachable: answered 503',
  );
  throw databaseUnavailable();
});
