import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { hostConfig } from '../../config/host';
import { sendJson } from '../../host/json-response';
import { rootLogger } from '../../observability/logger';
import { isSameSecret } from '../../secrets';
import { applyMailEvents, mailEventReport, maxWebhookBodyBytes } from './mail-event-report';
import { readRawBody } from '../../host/read-raw-body';

/**
 * `POST /webhooks/mail-events` on the notification cell's host: bounce and complaint reports in
 * our own shape (`mail-event-report.ts`), for a relay or a provider without an adapter here.
 * `Authorization: Bearer <MAIL_EVENTS_TOKEN>` (constant-time compare; 401 otherwise, 503 when
 * no token is configured), a JSON body checked by `mailEventReport` (400 naming the problem).
 */
export async function mailEventsRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const logger = rootLogger.child({ cell: 'notification', component: 'mail-events' });
  const expected = hostConfig().MAIL_EVENTS_TOKEN;
  if (!expected) return sendJson(res, 503, { error: 'mail event reports are not configured' });
  const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  if (!isSameSecret(presented, expected)) return sendJson(res, 401, { error: 'unauthorized' });
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, { error: 'send application/json' });
  }
  const raw = await readRawBody(req, maxWebhookBodyBytes);
  const body = raw?.toString('utf8') ?? null;
  if (body === null) return sendJson(res, 413, { error: 'body too large' });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return sendJson(res, 400, { error: 'body is not JSON' });
  }
  const parsed = mailEventReport.safeParse(json);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });

  const suppressed = await applyMailEvents(parsed.data.events);
  // Counts only: the addresses are personal data and stay out of the log.
  logger.info({ events: parsed.data.events.length, suppressed }, 'mail event report handled');
  sendJson(res, 200, { received: parsed.data.events.length, suppressed });
}
