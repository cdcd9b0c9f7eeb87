import type { SuppressionReason, SuppressionSource } from '@shop/db/notification';
import type { Types } from 'mongoose';
import { countCampaignReport } from './campaigns/report-counts';
import { notificationDatabase } from './database';

export interface SuppressionNotice {
  email: string;
  reason: SuppressionReason;
  source: SuppressionSource;
  detail?: string;
  messageId?: string;
}

/**
 * The address gets no more marketing mail (transactional mail still goes). One record per
 * address: a repeat bounce or complaint updates it and counts it.
 */
export async function suppress(notice: SuppressionNotice, now = new Date()): Promise<void> {
  const { Suppression } = await notificationDatabase.models();
  await Suppression.updateOne(
    { email: notice.email.trim().toLowerCase() },
    {
      $set: {
        reason: notice.reason,
        source: notice.source,
        detail: notice.detail?.slice(0, 500) ?? null,
        messageId: notice.messageId ?? null,
        suppressedAt: now,
      },
      $inc: { count: 1 },
    },
    { upsert: true },
  );
  await countCampaignReport(notice);
}

/**
 * A message the recipient's server refused for good (send time) or returned later (a provider's
 * report): `bounced`, whatever it was before, with the reply kept as its last error.
 */
export async function markBounced(
  where: { _id: Types.ObjectId } | { providerMessageId: string },
  detail: string,
): Promise<boolean> {
  const { Message } = await notificationDatabase.models();
  const result = await Message.updateOne(where, {
    $set: {
      status: 'bounced',
      lastError: detail.slice(0, 500),
      sendingUntil: null,
      failedAt: new Date(),
    },
  });
  return result.matchedCount > 0;
}

/**
 * Whether a permanent SMTP refusal says the address itself does not work (a hard bounce), as
 * opposed to the message or our configuration: a refused recipient (`RCPT TO`, nodemailer's
 * EENVELOPE) with 550/551/553, or any reply whose enhanced status is 5.1.x (bad mailbox or
 * domain) or 5.2.1 (mailbox disabled). A 552 (mailbox full) or a 554 content refusal is not.
 */
export function isHardBounce(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseCode, response, message } = error as Record<string, unknown>;
  const text = `${typeof response === 'string' ? response : ''} ${typeof message === 'string' ? message : ''}`;
  if (/\b5\.1\.\d{1,3}\b|\b5\.2\.1\b/.test(text)) return true;
  return (
    code === 'EENVELOPE' &&
    typeof responseCode === 'number' &&
    [550, 551, 553].includes(responseCode)
  );
}
