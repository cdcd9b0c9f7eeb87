import 'server-only';
import { callCell as callCellWithin, logCellFailure, type CellResult } from '@shop/api/client';
import { rootLogger } from '@shop/api/observability';
import { currentRequestId } from './cells';

export type { CellFailure, CellResult } from '@shop/api/client';

/**
 * One cell call for a page: failures become data (see `callCell`) and a log line. `timeoutMs`
 * (default 5 s) only for a call that waits on purpose (`order.get`'s `waitForChange`).
 */
export function callCell<T>(
  call: (options: { signal: AbortSignal }) => Promise<T>,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<CellResult<T>> {
  return callCellWithin(call, {
    ...(timeoutMs !== undefined && { timeoutMs }),
    onFailure: logCellFailure(currentRequestId, (fields, message) =>
      rootLogger.warn(fields, message),
    ),
  });
}
