import { z } from 'zod';
import { markBounced, suppress } from './suppression';

/** A provider's batch is a few KiB; far more is not a bounce report. */
export const maxWebhookBodyBytes = 256 * 1024;

/**
 * What a mail provider reports after the fact, normalised: a bounce (`permanent` is a hard
 * bounce; `transient` is only counted) or a complaint (the recipient marked it as spam). The
 * generic route takes it as is; a provider's adapter (`sendgrid-events.ts`) maps its own
 * webhook shape to it.
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
export type MailEvent = MailEventReport['events'][number];

/**
 * A hard bounce or a complaint suppresses the address for marketing and marks the message
 * `bounced` when its Message-ID is known; repeats are harmless (one record per address).
 * Returns how many events suppressed an address.
 */
export async function applyMailEvents(events: readonly MailEvent[]): Promise<number> {
  let suppressed = 0;
  for (const event of events) {
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
  return suppressed;
}
