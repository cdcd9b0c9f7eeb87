import 'server-only';
import { TRPCClientError } from '@shop/api/client';
import { currentRequestId } from './cells';

export type CellFailure = 'unavailable' | 'not-found' | 'failed';

export type CellResult<T> = { ok: true; data: T } | { ok: false; failure: CellFailure };

/** How long a page waits for a cell before rendering its degraded state instead. */
const cellTimeoutMs = 5_000;

/**
 * Runs one cell call for a page and turns failure into data, so a page can render a clear
 * "this part is unavailable" notice instead of an error page when a cell is down or slow.
 */
export async function callCell<T>(
  call: (options: { signal: AbortSignal }) => Promise<T>,
): Promise<CellResult<T>> {
  try {
    return { ok: true, data: await call({ signal: AbortSignal.timeout(cellTimeoutMs) }) };
  } catch (error) {
    const failure = failureOf(error);
    if (failure !== 'not-found') {
      console.error(
        JSON.stringify({
          msg: 'cell call failed',
          failure,
          requestId: await currentRequestId(),
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }
    return { ok: false, failure };
  }
}

function failureOf(error: unknown): CellFailure {
  if (!(error instanceof TRPCClientError)) return 'failed';
  const code: unknown = (error.data as { code?: unknown } | undefined)?.code;
  if (code === 'NOT_FOUND') return 'not-found';
  // No tRPC error shape means the cell never answered: refused, timed out or not tRPC at all.
  return code === undefined ? 'unavailable' : 'failed';
}
