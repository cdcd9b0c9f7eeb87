import { createStructuredLogger } from '@shop/telemetry';
import type { Logger } from 'pino';

export interface CapturedLogs {
  logger: Logger;
  lines: Record<string, unknown>[];
}

/**
 * A logger with the platform's structure and redaction (as every process logs) at debug level,
 * whose JSON lines are kept for assertions.
 */
export function captureLogs(): CapturedLogs {
  const lines: Record<string, unknown>[] = [];
  const logger = createStructuredLogger({
    service: 'test',
    level: 'debug',
    destination: {
      write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  });
  return { logger, lines };
}
