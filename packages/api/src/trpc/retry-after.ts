import { TRPCError } from '@trpc/server';

/**
 * The cause of a 429 or 503: how long the caller should wait, sent as the `Retry-After` header.
 */
export class RetryAfter extends Error {
  constructor(readonly seconds: number) {
    super(`retry after ${seconds} s`);
    this.name = 'RetryAfter';
  }
}

/** A 429 TOO_MANY_REQUESTS whose response carries `Retry-After: <seconds>`. */
export function tooManyRequests(message: string, retryAfterSeconds: number): TRPCError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message, cause: new RetryAfter(seconds) });
}

/** Seconds to wait named by the error, if it is such a 429 or 503. */
export function retryAfterSecondsOf(error: TRPCError): number | undefined {
  return error.cause instanceof RetryAfter ? error.cause.seconds : undefined;
}

/** The longest wait any of a response's errors asks for (a batch may hold several). */
export function retryAfterHeaderFor(errors: readonly TRPCError[]): string | undefined {
  const waits = errors.map(retryAfterSecondsOf).filter((s): s is number => s !== undefined);
  return waits.length ? String(Math.max(...waits)) : undefined;
}
