import { randomUUID } from 'node:crypto';
import { isDuplicateKeyError } from '@shop/db/claims';
import type { Types } from 'mongoose';
import { emailsDelivered } from '../../../observability/business-metrics';
import { notificationDatabase } from '../database';
import { mailConfig } from '../mail-config';
import { attempt, sendLeaseMs } from '../message-records';
import { RetryableSendError } from '../send-email';
import { stableMessageId } from '../stable-message-id';
import {
  campaignDedupeKey,
  messageIdFor,
  messageRangeFilter,
  type BatchRange,
} from './batch-range';
import type { ClaimedRecipient } from './batch-deliveries';

export interface BatchMessage {
  _id: Types.ObjectId;
  status: string;
  /** The Message-ID it is sent with: set when the record is made (null on older records). */
  providerMessageId?: string | null;
}

/**
 * A campaign email's Message-ID, chosen here rather than by the transport: the same for every
 * attempt at one message, and known before sending, so it is stored when the record is made and
 * a provider's later bounce or complaint report (which names it) finds the message.
 */
export function campaignMessageId(dedupeKey: string): string {
  return stableMessageId('campaign', dedupeKey, mailConfig().from);
}

/**
 * The Message record of every claimed recipient (the message centre's entry and the dedupe key
 * `campaign:<campaign>:<subscriber>` that keeps an email from going twice), in two round trips:
 * read the range's records, insert the missing ones `queued` with ids derived from the dedupe key
 * (a second insert is refused; another run doing the same retries the step). Where a recipient
 * has more than one record (made by an older sender), the one that says `sent` wins.
 */
export async function messagesFor(
  range: BatchRange,
  recipients: readonly ClaimedRecipient[],
  subject: string,
): Promise<Map<string, BatchMessage>> {
  const { Message } = await notificationDatabase.models();
  const rows = await Message.find(messageRangeFilter(range), {
    dedupeKey: 1,
    status: 1,
    providerMessageId: 1,
  }).lean();
  const byKey = new Map<string, BatchMessage>();
  for (const row of rows) {
    const earlier = byKey.get(row.dedupeKey ?? '');
    if (!earlier || row.status === 'sent') byKey.set(row.dedupeKey ?? '', row);
  }
  const missing = recipients.filter(
    (recipient) => !byKey.has(campaignDedupeKey(range.campaignId, recipient.subscriberId)),
  );
  if (missing.length > 0) {
    const created = missing.map((recipient) => ({
      _id: messageIdFor(range.campaignId, recipient.subscriberId),
      template: 'campaign',
      dedupeKey: campaignDedupeKey(range.campaignId, recipient.subscriberId),
      to: recipient.email,
      subject,
      kind: 'marketing' as const,
      status: 'queued' as const,
      attempts: 0,
      providerMessageId: campaignMessageId(
        campaignDedupeKey(range.campaignId, recipient.subscriberId),
      ),
    }));
    try {
      await Message.insertMany(created, { ordered: false });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw new RetryableSendError('another run is recording this batch; it is read again');
    }
    for (const message of created) byKey.set(message.dedupeKey, message);
  }
  return new Map(
    recipients.map((recipient) => [
      recipient.subscriberId,
      byKey.get(campaignDedupeKey(range.campaignId, recipient.subscriberId))!,
    ]),
  );
}

/**
 * LEASE the queued messages `ids` for this batch in one update, as `sendTemplate` leases one:
 * only those no other sender holds (or whose holder's lease ran out). Answers the batch's lease
 * token and the ids it now holds; the others are someone else's for now.
 */
export async function leaseMessages(
  range: BatchRange,
  ids: readonly Types.ObjectId[],
): Promise<{ token: string; leased: Set<string> }> {
  const token = randomUUID();
  if (ids.length === 0) return { token, leased: new Set() };
  const { Message } = await notificationDatabase.models();
  const now = new Date();
  await Message.updateMany(
    {
      ...messageRangeFilter(range),
      status: 'queued',
      _id: { $in: ids },
      $or: [{ sendingUntil: null }, { sendingUntil: { $lt: now } }],
    },
    {
      $set: { sendingUntil: new Date(now.getTime() + sendLeaseMs), sendingBy: token },
      $inc: { attempts: 1 },
    },
  );
  const held = await Message.find(
    { ...messageRangeFilter(range), sendingBy: token },
    { _id: 1 },
  ).lean();
  return { token, leased: new Set(held.map((row) => row._id.toString())) };
}

/**
 * Marks sent, in one round trip, the messages of this lease that SMTP accepted: one update per
 * distinct server answer (usually one), each only over messages this batch still holds.
 * `providerMessageId` is given only where the record lacks it (an older record).
 */
export async function recordSentMessages(
  range: BatchRange,
  token: string,
  sent: readonly {
    id: Types.ObjectId;
    response: string | null;
    providerMessageId: string | null;
  }[],
): Promise<void> {
  if (sent.length === 0) return;
  const { Message } = await notificationDatabase.models();
  const groups = new Map<string, Types.ObjectId[]>();
  for (const each of sent) {
    const key = JSON.stringify([each.response, each.providerMessageId]);
    groups.set(key, [...(groups.get(key) ?? []), each.id]);
  }
  const sentAt = new Date();
  const result = await Message.bulkWrite(
    [...groups].map(([key, ids]) => {
      const [response, providerMessageId] = JSON.parse(key) as [string | null, string | null];
      return {
        updateMany: {
          filter: { ...messageRangeFilter(range), sendingBy: token, _id: { $in: ids } },
          update: {
            $set: {
              status: 'sent',
              sentAt,
              ...(providerMessageId && { providerMessageId }),
              providerResponse: response,
              lastError: null,
              sendingUntil: null,
              sendingBy: null,
              resendProps: null,
            },
            $push: { attemptLog: attempt('sent', response) },
          },
        },
      };
    }),
    { ordered: false },
  );
  if (result.modifiedCount > 0)
    emailsDelivered.labels('campaign', 'sent').inc(result.modifiedCount);
}

/** Gives back the lease on messages this batch held but did not try (it stopped early). */
export async function releaseLeases(
  range: BatchRange,
  token: string,
  ids: readonly Types.ObjectId[],
): Promise<void> {
  if (ids.length === 0) return;
  const { Message } = await notificationDatabase.models();
  await Message.updateMany(
    { ...messageRangeFilter(range), sendingBy: token, status: 'queued', _id: { $in: ids } },
    { $set: { sendingUntil: null, sendingBy: null }, $inc: { attempts: -1 } },
  );
}
