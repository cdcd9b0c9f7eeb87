import 'server-only';
import { callCell as callCellWithin, logCellFailure, type CellResult } from '@shop/api/client';
import { rootLogger } from '@shop/api/observability';
import { currentRequestId } from './cells';

export type { CellFailure, CellResult } from '@shop/api/client';

/** One cell call for a page: failures become data (see `callCell`) and a log line. */
export function callCell<T>(
  call: (options: { signal: AbortSignal }) => Promise<T>,
): Promise<CellResult<T>> {
  return callCellWithin(call, {
    onFailure: logCellFailure(currentRequestId, (fields, message) =>
      rootLogger.warn(fields, message),
    ),
  });
}
