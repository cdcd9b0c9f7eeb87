import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { MailEvent } from './mail-event-report';

/**
 * SendGrid's Event Webhook, mapped to our mail events. SendGrid signs each POST with ECDSA
 * (P-256, SHA-256) over the `X-Twilio-Email-Event-Webhook-Timestamp` header followed by the raw
 * body, and gives the shop the public key (base64 DER) under Mail Settings; the private key
 * never leaves SendGrid, so a leaked configuration cannot forge a report.
 */

export const signatureHeader = 'x-twilio-email-event-webhook-signature';
export const timestampHeader = 'x-twilio-email-event-webhook-timestamp';

/** Older (or further ahead) than this, a signed batch is a replay and is refused. */
export const timestampToleranceSeconds = 5 * 60;

/** The public key as SendGrid shows it (base64 SubjectPublicKeyInfo DER), or a clear error. */
export function sendgridPublicKey(base64: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ec') throw new Error('not an elliptic-curve public key');
  return key;
}

/** Whether SendGrid signed exactly these bytes at this time, within the tolerance of `now`. */
export function isSignedBySendgrid(
  key: KeyObject,
  { signature, timestamp, body }: { signature: string; timestamp: string; body: string },
  now = Date.now(),
): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > timestampToleranceSeconds) return false;
  try {
    return verify('sha256', Buffer.from(timestamp + body), key, Buffer.from(signature, 'base64'));
  } catch {
    return false; // a signature that is not DER at all
  }
}

/**
 * The fields we read from each event. SendGrid sends many more (and the shop's own custom
 * arguments), so other keys are allowed and ignored; events we do not act on (delivered, open,
 * click, deferred...) need only a name.
 */
const sendgridEvent = z.looseObject({
  event: z.string().max(64),
  email: z.string().max(320).optional(),
  /** Our Message-ID as SendGrid received it over SMTP. */
  'smtp-id': z.string().max(998).optional(),
  /** For `bounce`: `bounce` (the mailbox refused for good) or `blocked` (a temporary block). */
  type: z.string().max(64).optional(),
  reason: z.string().max(4000).optional(),
});
export const sendgridBatch = z.array(sendgridEvent).min(1).max(1000);

/** Why SendGrid dropped a message without trying: its own suppression lists, kept in step. */
const droppedForBounce = /bounced address/i;
const droppedForComplaint = /spam reporting address/i;

const validEmail = z.email().max(320);

/**
 * Maps a batch to the events that matter here: hard bounces and complaints (and SendGrid's
 * drops for an address it already knows bounced or complained). Everything else is counted as
 * received and otherwise ignored.
 */
export function mailEventsFromSendgrid(batch: z.infer<typeof sendgridBatch>): MailEvent[] {
  const events: MailEvent[] = [];
  for (const item of batch) {
    const email = validEmail.safeParse(item.email?.trim());
    if (!email.success) continue;
    const messageId = item['smtp-id'];
    const diagnostic = item.reason?.slice(0, 1000);
    if (
      item.event === 'spamreport' ||
      (item.event === 'dropped' && droppedForComplaint.test(item.reason ?? ''))
    ) {
      events.push({ type: 'complaint', email: email.data, messageId });
    } else if (
      (item.event === 'bounce' && item.type !== 'blocked') ||
      (item.event === 'dropped' && droppedForBounce.test(item.reason ?? ''))
    ) {
      events.push({
        type: 'bounce',
        bounceType: 'permanent',
        email: email.data,
        messageId,
        diagnostic,
      });
    }
  }
  return events;
}
