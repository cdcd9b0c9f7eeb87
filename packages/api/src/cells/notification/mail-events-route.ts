import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { hostConfig } from '../../config/host';
import { sendJson } from '../../host/json-response';
import { rootLogger } from '../../observability/logger';
import { isSameSecret } from '../../secrets';
import { markBounced, suppress } from './suppression';

/** A provider's batch is a few KiB; far more is not a bounce report. */
const maxBodyBytes = 256 * 1024;

/**
 * What a mail provider reports after the fact, normalised (a small adapter per provider, e.g. SES
 * via SNS or a SendGrid event webhook, maps its own shape to this): a bounce (`permanent` is a
 * hard bounce; `transient` is only logged) or a complaint (the recipient marked it as spam).
 */
export const mailEventReport = z.strictObject({
  events: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({
          type: z.literal('bounce'),
          email: z.email().max(320),
          bounceType: z.enum(['permanent', 'transient']),
          /** The Message-ID we sent with (`providerMessageId`), when the provider echoes it. */
          messageId: z.string().max(998).optional(),
          diagnostic: z.string().max(1000).optional(),
        }),
        z.strictObject({
          type: z.literal('complaint'),
          email: z.email().max(320),
          messageId: z.string().max(998).optional(),
        }),
      ]),
    )
    .min(1)
    .max(500),
});
export type MailEventReport = z.infer<typeof mailEventReport>;

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).byteLength;
    if (total > maxBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `POST /webhooks/mail-events` on the notification cell's host: bounce and complaint reports.
 * `Authorization: Bearer <MAIL_EVENTS_TOKEN>` (constant-time compare; 401 otherwise, 503 when
 * no token is configured), a JSON body checked by `mailEventReport` (400 naming the problem).
 * A hard bounce or a complaint suppresses the address for marketing and marks the message
 * `bounced` when its Message-ID is known. Repeats are harmless (one record per address).
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
  const body = await readBody(req);
  if (body === null) return sendJson(res, 413, { error: 'body too large' });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return sendJson(res, 400, { error: 'body is not JSON' });
  }
  const parsed = mailEventReport.safeParse(json);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });

  let suppressed = 0;
  for (const event of parsed.data.events) {
    if (event.type === 'bounce' && event.bounceType === 'transient') continue;
    const reason = event.type === 'bounce' ? 'hard-bounce' : 'complaint';
    const detail = event.type === 'bounce' ? (event.diagnostic ?? 'permanent bounce') : 'complaint';
    await suppress({
      email: event.email,
      reason,
      source: 'provider-report',
      detail,
      messageId: event.messageId,
    });
    if (event.messageId) await markBounced({ providerMessageId: event.messageId }, detail);
    suppressed += 1;
  }
  // Counts only: the addresses are personal data and stay out of the log.
  logger.info({ events: parsed.data.events.length, suppressed }, 'mail event report handled');
  sendJson(res, 200, { received: parsed.data.events.length, suppressed });
}
