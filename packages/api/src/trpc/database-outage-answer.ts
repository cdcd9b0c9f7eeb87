import type { TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import { databaseUnavailable, isDatabaseUnreachable } from './database-outage';

/**
 * For a procedure's error: a database that cannot be reached answers 503 SERVICE_UNAVAILABLE with
 * `Retry-After` (the apps show their "unavailable" notice and callers may retry) instead of a 500
 * that reads as a bug. One warning per failed call, without a stack. Undefined for any other error.
 */
export function databaseOutageAnswer(
  error: TRPCError,
  logger: Logger,
  path: string,
): TRPCError | undefined {
  // Only errors nothing else mapped (tRPC wraps a thrown driver error as INTERNAL_SERVER_ERROR).
  if (error.code !== 'INTERNAL_SERVER_ERROR' || !isDatabaseUnreachable(error)) return undefined;
  const cause = error.cause ?? error;
  logger.warn(
    { path, error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) },
    'database unreachable: answered 503',
  );
  return databaseUnavailable();
}
