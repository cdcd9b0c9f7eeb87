import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { databaseRetryAfterSeconds, isDatabaseUnreachable } from '../trpc/database-outage';
import { sendJson } from './json-response';

/**
 * What a route outside tRPC (a webhook, an upload, an Inngest endpoint) answers when it throws:
 * 503 with `Retry-After` when the database cannot be reached (as procedures do), else 500
 * without details; the error goes to the log only.
 */
export function answerUnexpectedError(
  res: ServerResponse,
  error: unknown,
  logger: Logger,
  requestId: string,
  url: string | undefined,
): void {
  const outage = isDatabaseUnreachable(error);
  if (outage) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ requestId, url, error: reason }, 'database unreachable: answered 503');
  } else {
    logger.error({ err: error, requestId, url }, 'request failed');
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!outage) return sendJson(res, 500, { error: 'internal server error' });
  res.setHeader('retry-after', String(databaseRetryAfterSeconds));
  sendJson(res, 503, { error: 'the database is unreachable just now; try again in a few seconds' });
}
