import 'server-only';
import { callCell as callCellWithin, logCellFailure, type CellResult } from '@shop/api/client';
import { rootLogger } from '@shop/api/observability';
import { currentRequestId } from './cells';

export type { CellFailure, CellResult } from '@shop/api/client';

/**
 * One cell call for a page: failures become data (see `callCell`) and a log line. `timeoutMs`
 * (default 5 s) for a call a person waits for on purpose, such as a download.
 */
export function callCell<T>(
  call: (options: { signal: AbortSignal }) => Promise<T>,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<CellResult<T>> {
  return callCellWithin(call, {
    ...(timeoutMs ? { timeoutMs } : {}),
    onFailure: logCellFailure(currentRequestId, (fields, message) =>
      rootLogger.warn(fields, message),
    ),
  });
}
