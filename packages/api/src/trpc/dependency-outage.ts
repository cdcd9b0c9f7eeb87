import { TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import { RetryAfter } from './retry-after';

/** How long a caller is told to wait when a part the call needs cannot be reached. */
export const dependencyRetryAfterSeconds = 5;

/**
 * Connection-level failures of an HTTP call to another part of the platform (a cell whose host is
 * down, restarting or cut off; the Inngest event API): refused, reset, unreachable, timed out.
 * Node's and undici's codes.
 */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * What made the call fail, when it is another part being unavailable, else undefined: a
 * connection-level failure anywhere in the cause chain, the cross-cell timeout
 * (`AbortSignal.timeout`, a `TimeoutError`), or another cell that itself answered 503 (its own
 * database or dependency down), which the typed client raises as a `TRPCClientError`.
 */
export function unavailableDependency(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    const { code, data } = current as {
      code?: unknown;
      data?: { httpStatus?: unknown; path?: unknown };
    };
    if (typeof code === 'string' && unreachableCodes.has(code))
      return `${code}: ${current.message}`;
    if (current.name === 'TimeoutError') return `timed out: ${current.message}`;
    if (current.name === 'TRPCClientError' && data?.httpStatus === 503) {
      return `${String(data.path ?? 'a cell')} answered 503: ${current.message}`;
    }
    current = current.cause;
  }
  return undefined;
}

/**
 * For a procedure's error: a part the call needs being unavailable answers 503
 * SERVICE_UNAVAILABLE with `Retry-After`, as a database outage does (database-outage-answer.ts),
 * instead of a 500 that reads as a bug: the fault test's load met `order.addToCart` while the
 * product host was down and `payment.confirmTestPayment` while the event API was. One warning per
 * failed call, without a stack. Undefined for any other error.
 */
export function dependencyOutageAnswer(
  error: TRPCError,
  logger: Logger,
  path: string,
): TRPCError | undefined {
  // Only errors nothing else mapped (tRPC wraps anything thrown as INTERNAL_SERVER_ERROR).
  if (error.code !== 'INTERNAL_SERVER_ERROR') return undefined;
  const reason = unavailableDependency(error.cause ?? error);
  if (!reason) return undefined;
  logger.warn({ path, error: reason }, 'a service this call needs is unreachable: answered 503');
  return new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: 'A service this call needs is unavailable just now; try again in a few seconds',
    cause: new RetryAfter(dependencyRetryAfterSeconds),
  });
}
