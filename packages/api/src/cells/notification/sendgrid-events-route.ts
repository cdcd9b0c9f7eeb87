import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { hostConfig } from '../../config/host';
import { sendJson } from '../../host/json-response';
import { rootLogger } from '../../observability/logger';
import { applyMailEvents, maxWebhookBodyBytes } from './mail-event-report';
import {
  isSignedBySendgrid,
  mailEventsFromSendgrid,
  sendgridBatch,
  sendgridPublicKey,
  signatureHeader,
  timestampHeader,
} from './sendgrid-events';
import { readRawBody } from '../../host/read-raw-body';

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : '';
};

/**
 * `POST /webhooks/mail-events/sendgrid`: SendGrid's signed Event Webhook. 503 until
 * `SENDGRID_WEBHOOK_PUBLIC_KEY` is set; 401 for a missing, wrong or stale signature (checked
 * over the raw body before it is parsed); 400 for a body that is not an event batch. Bounces
 * and spam reports suppress the address like our own route's reports do.
 */
export async function sendgridEventsRoute(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const logger = rootLogger.child({ cell: 'notification', component: 'sendgrid-events' });
  const configured = hostConfig().SENDGRID_WEBHOOK_PUBLIC_KEY;
  if (!configured) return sendJson(res, 503, { error: 'SendGrid events are not configured' });
  const raw = await readRawBody(req, maxWebhookBodyBytes);
  const body = raw?.toString('utf8') ?? null;
  if (body === null) return sendJson(res, 413, { error: 'body too large' });
  const signed = isSignedBySendgrid(sendgridPublicKey(configured), {
    signature: header(req, signatureHeader),
    timestamp: header(req, timestampHeader),
    body,
  });
  if (!signed) return sendJson(res, 401, { error: 'signature missing, wrong or too old' });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return sendJson(res, 400, { error: 'body is not JSON' });
  }
  const parsed = sendgridBatch.safeParse(json);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });

  const events = mailEventsFromSendgrid(parsed.data);
  const suppressed = await applyMailEvents(events);
  // Counts only: the addresses are personal data and stay out of the log.
  logger.info({ received: parsed.data.length, suppressed }, 'SendGrid events handled');
  sendJson(res, 200, { received: parsed.data.length, suppressed });
}
