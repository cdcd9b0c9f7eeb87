import pino from 'pino';
import { rootLogger } from '../../src/observability/logger';

/**
 * Sends every line of the process's logger (rootLogger and every child made from it, whenever
 * made) to `onLine` as parsed JSON, instead of stdout. Children write through the root's stream
 * (pino's `streamSym`, inherited), so one swap covers loggers that modules created at import.
 */
export function captureProcessLogs(onLine: (line: Record<string, unknown>) => void): void {
  const stream = { write: (line: string) => onLine(JSON.parse(line) as Record<string, unknown>) };
  (rootLogger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = stream;
}
