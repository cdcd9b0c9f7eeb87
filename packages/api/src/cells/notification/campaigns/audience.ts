import { Types } from 'mongoose';
import type { QueryFilter } from 'mongoose';
import type { CustomerPurchase } from '@shop/db/notification';
import { notificationDatabase } from '../database';
import type { CampaignAudience } from './inputs';

/**
 * Who a campaign goes to, built here on the server only: confirmed subscribers (double opt-in),
 * minus suppressed addresses, narrowed by a segment read from the notification cell's own
 * purchase projection (`CustomerPurchase`). Never a list of addresses from a client.
 */

export interface Recipient {
  subscriberId: string;
  email: string;
}

const emailChunk = 1_000;

/** The purchase-projection filter of a segment, or null for `all`. */
export function segmentFilter(
  audience: CampaignAudience,
  now = new Date(),
): QueryFilter<CustomerPurchase> | null {
  switch (audience.kind) {
    case 'all':
      return null;
    case 'boughtFromCategory':
      return { categorySlugs: audience.categoryId };
    case 'noOrderInDays':
      return { lastOrderAt: { $lt: new Date(now.getTime() - audience.days * 86_400_000) } };
    case 'lifetimeValueAbove':
      return { [`lifetimeValue.${audience.currency}`]: { $gt: audience.amount } };
  }
}

/** Of these addresses, those suppressed (bounced, complained). */
async function suppressedOf(emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const { Suppression } = await notificationDatabase.models();
  const rows = await Suppression.find({ email: { $in: emails } }, { email: 1 }).lean();
  return new Set(rows.map((row) => row.email));
}

/** Of these addresses, those in the segment. */
async function inSegment(
  emails: string[],
  filter: QueryFilter<CustomerPurchase>,
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const { CustomerPurchase } = await notificationDatabase.models();
  const rows = await CustomerPurchase.find(
    { ...filter, email: { $in: emails } },
    { email: 1 },
  ).lean();
  return new Set(rows.map((row) => row.email));
}

/**
 * The next page of recipients after subscriber `afterId`, in subscriber id order, among
 * subscribers created before `before` (the send's start, so the audience does not grow while it
 * runs). `scanned` is the last subscriber looked at: the next page starts after it even when
 * none of this page was in the segment. Empty `scanned`: the audience is exhausted.
 */
export async function recipientPage(
  audience: CampaignAudience,
  { afterId, before, limit }: { afterId: string | null; before: Date; limit: number },
): Promise<{ recipients: Recipient[]; scanned: string | null }> {
  const { Subscriber } = await notificationDatabase.models();
  const idRange: Record<string, Types.ObjectId> = {
    $lt: Types.ObjectId.createFromTime(Math.floor(before.getTime() / 1000) + 1),
  };
  if (afterId) idRange.$gt = new Types.ObjectId(afterId);
  const page = await Subscriber.find({ _id: idRange, status: 'subscribed' }, { email: 1 })
    .sort({ _id: 1 })
    .limit(limit)
    .lean();
  const last = page.at(-1);
  if (!last) return { recipients: [], scanned: null };
  const emails = page.map((row) => row.email);
  const filter = segmentFilter(audience);
  const [suppressed, matching] = await Promise.all([
    suppressedOf(emails),
    filter ? inSegment(emails, filter) : Promise.resolve(null),
  ]);
  return {
    recipients: page
      .filter((row) => !suppressed.has(row.email) && (!matching || matching.has(row.email)))
      .map((row) => ({ subscriberId: row._id.toString(), email: row.email })),
    scanned: last._id.toString(),
  };
}

/** How many would get the campaign now. */
export async function audienceCount(audience: CampaignAudience): Promise<number> {
  const { Subscriber, Suppression, CustomerPurchase } = await notificationDatabase.models();
  const filter = segmentFilter(audience);
  if (!filter) {
    const [subscribed, suppressedEmails] = await Promise.all([
      Subscriber.countDocuments({ status: 'subscribed' }),
      Suppression.distinct('email'),
    ]);
    let suppressedSubscribed = 0;
    for (let at = 0; at < suppressedEmails.length; at += emailChunk) {
      suppressedSubscribed += await Subscriber.countDocuments({
        status: 'subscribed',
        email: { $in: suppressedEmails.slice(at, at + emailChunk) },
      });
    }
    return subscribed - suppressedSubscribed;
  }
  // Segments are smaller than the subscriber list: walk the segment, count who may get it.
  let count = 0;
  let chunk: string[] = [];
  const countChunk = async () => {
    const [subscribed, suppressed] = await Promise.all([
      Subscriber.find({ status: 'subscribed', email: { $in: chunk } }, { email: 1 }).lean(),
      suppressedOf(chunk),
    ]);
    count += subscribed.filter((row) => !suppressed.has(row.email)).length;
    chunk = [];
  };
  for await (const row of CustomerPurchase.find(filter, { email: 1 }).lean().cursor()) {
    chunk.push(row.email);
    if (chunk.length >= emailChunk) await countChunk();
  }
  if (chunk.length > 0) await countChunk();
  return count;
}
