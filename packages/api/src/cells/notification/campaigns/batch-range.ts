import { derivedObjectId } from '@shop/db/claims';
import type { Types } from 'mongoose';

/**
 * The subscribers one batch covers: after `afterId` (the stored cursor; null on the first page)
 * up to and including `lastId`. A batch reads its deliveries and messages by this range, never
 * by a long `$in` list: on the in-memory stand-in every query scans the whole collection, and a
 * range test per document is cheap where a 500-value `$in` is not.
 */
export interface BatchRange {
  campaignId: string;
  afterId: string | null;
  lastId: string;
}

/** The delivery records of this range (with any other conditions after it). */
export function deliveryRangeFilter(range: BatchRange) {
  return {
    campaignId: range.campaignId,
    subscriberId: { ...(range.afterId && { $gt: range.afterId }), $lte: range.lastId },
  };
}

/** The campaign's message dedupe key for one subscriber. */
export function campaignDedupeKey(campaignId: string, subscriberId: string): string {
  return `campaign:${campaignId}:${subscriberId}`;
}

/**
 * The Message records of this range. Subscriber ids are 24 lowercase hex digits, so dedupe keys
 * sort as the ids do.
 */
export function messageRangeFilter(range: BatchRange) {
  return {
    dedupeKey: {
      $gt: campaignDedupeKey(range.campaignId, range.afterId ?? ''),
      $lte: campaignDedupeKey(range.campaignId, range.lastId),
    },
    template: 'campaign',
  };
}

/** The `_id` of a subscriber's delivery record for a campaign: inserting it twice is refused. */
export function deliveryIdFor(campaignId: string, subscriberId: string): Types.ObjectId {
  return derivedObjectId('campaign-delivery', campaignId, subscriberId);
}

/** The `_id` of a subscriber's Message record for a campaign: inserting it twice is refused. */
export function messageIdFor(campaignId: string, subscriberId: string): Types.ObjectId {
  return derivedObjectId('message', 'campaign', campaignDedupeKey(campaignId, subscriberId));
}
