import { TRPCClientError } from '@trpc/client';

export type CellFailure = 'unavailable' | 'not-found' | 'failed';

export type CellResult<T> = { ok: true; data: T } | { ok: false; failure: CellFailure };

export interface CallCellOptions {
  /** How long to wait for the cell before giving up (default 5 s). */
  timeoutMs?: number;
  /** Told about every failure except not-found, which is an answer rather than a fault. */
  onFailure?: (failure: CellFailure, error: unknown) => void | Promise<void>;
}

/**
 * Runs one cell call and turns failure into data, so a page can render a clear "this part is
 * unavailable" notice instead of an error page when a cell is down, slow or refuses.
 */
export async function callCell<T>(
  call: (options: { signal: AbortSignal }) => Promise<T>,
  { timeoutMs = 5_000, onFailure }: CallCellOptions = {},
): Promise<CellResult<T>> {
  try {
    return { ok: true, data: await call({ signal: AbortSignal.timeout(timeoutMs) }) };
  } catch (error) {
    const failure = cellFailureOf(error);
    if (failure !== 'not-found') await onFailure?.(failure, error);
    return { ok: false, failure };
  }
}

export function cellFailureOf(error: unknown): CellFailure {
  if (!(error instanceof TRPCClientError)) return 'failed';
  const code: unknown = (error.data as { code?: unknown } | undefined)?.code;
  if (code === 'NOT_FOUND') return 'not-found';
  // No tRPC error shape means the cell never answered: refused, timed out or not tRPC at all;
  // SERVICE_UNAVAILABLE means it answered that it cannot serve just now (its database is down).
  return code === undefined || code === 'SERVICE_UNAVAILABLE' ? 'unavailable' : 'failed';
}

/**
 * The apps' `onFailure`: one log line naming the failure, the page's request id and the error's
 * message (never its stack or the call's input), through `log` (the apps pass their structured
 * logger; this module stays free of it, as browsers load `@shop/api/client` too).
 */
export function logCellFailure(
  requestId: () => Promise<string>,
  log: (fields: Record<string, unknown>, message: string) => void = (fields, message) =>
    console.error(JSON.stringify({ message, ...fields })),
): NonNullable<CallCellOptions['onFailure']> {
  return async (failure, error) => {
    log(
      {
        failure,
        requestId: await requestId(),
        error: error instanceof Error ? error.message : String(error),
      },
      'cell call failed',
    );
  };
}
