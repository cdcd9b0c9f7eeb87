import { isDuplicateKeyError } from '@shop/db/claims';
import { notificationDatabase } from '../database';
import { RetryableSendError } from '../send-email';
import type { Recipient } from './audience';
import { deliveryIdFor, deliveryRangeFilter, messageIdFor, type BatchRange } from './batch-range';

/** A recipient this batch holds the delivery of (`claimed`): theirs to send and record. */
export interface ClaimedRecipient extends Recipient {
  /** The Message id the delivery points at (null on records made before it was set at claim). */
  deliveryMessageId: string | null;
}

/**
 * CLAIM for the whole page, in two round trips: read the range's delivery records, insert the
 * missing ones `claimed` (ids derived from campaign + subscriber, so a second insert of one is
 * refused by the database, the stand-in included). Recipients already `sent`, `failed` or
 * `skipped` are passed over; those left `claimed` by an attempt that died are this batch's again
 * (their Message record says whether the email already went). Another run inserting the same
 * page at the same moment: this step is retried and reads what that run claimed.
 */
export async function claimDeliveries(
  range: BatchRange,
  recipients: readonly Recipient[],
): Promise<ClaimedRecipient[]> {
  const { CampaignDelivery } = await notificationDatabase.models();
  const existing = await CampaignDelivery.find(deliveryRangeFilter(range), {
    subscriberId: 1,
    status: 1,
    messageId: 1,
  }).lean();
  const known = new Map(existing.map((row) => [row.subscriberId.toString(), row]));
  const fresh = recipients.filter((recipient) => !known.has(recipient.subscriberId));
  if (fresh.length > 0) {
    const now = new Date();
    try {
      await CampaignDelivery.insertMany(
        fresh.map((recipient) => ({
          _id: deliveryIdFor(range.campaignId, recipient.subscriberId),
          campaignId: range.campaignId,
          subscriberId: recipient.subscriberId,
          email: recipient.email,
          status: 'claimed',
          claimedAt: now,
          messageId: messageIdFor(range.campaignId, recipient.subscriberId).toString(),
        })),
        { ordered: false },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw new RetryableSendError('another run is claiming this batch; it is read again');
    }
  }
  return recipients.flatMap((recipient) => {
    const row = known.get(recipient.subscriberId);
    if (!row) {
      return [
        {
          ...recipient,
          deliveryMessageId: messageIdFor(range.campaignId, recipient.subscriberId).toString(),
        },
      ];
    }
    return row.status === 'claimed'
      ? [{ ...recipient, deliveryMessageId: row.messageId ?? null }]
      : [];
  });
}

export type DeliveryOutcome =
  | { subscriberId: string; status: 'sent'; messageId: string; deliveryMessageId: string | null }
  | {
      subscriberId: string;
      status: 'failed' | 'skipped';
      messageId: string | null;
      deliveryMessageId: string | null;
      detail: string;
    };

/**
 * RECORD outcomes on the deliveries still `claimed` (so each is counted once): every plain `sent`
 * in one update; a failure (its own reason) or a delivery that points at another Message record
 * one by one (rare). Answers how many of each this call recorded.
 */
export async function recordDeliveries(
  range: BatchRange,
  outcomes: readonly DeliveryOutcome[],
): Promise<{ sent: number; failed: number; skipped: number }> {
  const { CampaignDelivery } = await notificationDatabase.models();
  const tally = { sent: 0, failed: 0, skipped: 0 };
  const doneAt = new Date();
  const plain = outcomes.filter(
    (outcome) => outcome.status === 'sent' && outcome.deliveryMessageId === outcome.messageId,
  );
  const plainOnes = new Set(plain);
  if (plain.length > 0) {
    const { campaignId, subscriberId } = deliveryRangeFilter(range);
    // `status` first: the stand-in tests conditions in this order, and few records are claimed.
    const result = await CampaignDelivery.updateMany(
      {
        status: 'claimed',
        campaignId,
        subscriberId: { ...subscriberId, $in: plain.map((outcome) => outcome.subscriberId) },
      },
      { $set: { status: 'sent', doneAt } },
    );
    tally.sent += result.modifiedCount;
  }
  for (const outcome of outcomes) {
    if (plainOnes.has(outcome)) continue;
    const result = await CampaignDelivery.updateOne(
      { campaignId: range.campaignId, subscriberId: outcome.subscriberId, status: 'claimed' },
      {
        $set: {
          status: outcome.status,
          doneAt,
          messageId: outcome.messageId,
          detail: 'detail' in outcome ? outcome.detail.slice(0, 500) : null,
        },
      },
    );
    tally[outcome.status] += result.modifiedCount;
  }
  return tally;
}
