import { derivedObjectId } from '@shop/db/claims';
import type { AnalyticsRollup, RollupGranularity } from '@shop/db/analytics';
import type { Types } from 'mongoose';
import { stampCategories } from './category-stamps';
import { analyticsDatabase } from './database';
import { summariseBucket, type BrowsingFact, type RecordedFact } from './rollup-summary';
import { hourMs, localDayBounds, localHourOf } from './zoned-time';

/** The recorded events rollups count (conversions, cancellations, refunds, searches, sign-ups). */
export const rolledUpEventNames = [
  'order/order.confirmed',
  'order/order.cancelled',
  'order/order.refunded',
  'search/search.performed',
  'auth/user.registered',
];

export function rollupKey(granularity: RollupGranularity, timeZone: string, localStart: string) {
  return `${granularity}:${timeZone}:${localStart}`;
}

type RollupBucket = Omit<AnalyticsRollup, '_id' | 'key' | 'rebuiltAt'>;

/** A whole-document upsert of one bucket, keyed by what it covers, for one `bulkWrite`. */
function rollupReplacement(bucket: RollupBucket, rebuiltAt: Date) {
  const key = rollupKey(bucket.granularity, bucket.timeZone, bucket.localStart);
  const _id = derivedObjectId('analytics-rollup', key);
  return {
    replaceOne: { filter: { _id }, replacement: { _id, key, ...bucket, rebuiltAt }, upsert: true },
  };
}

/** The day's events by the hour they fall in (index 0 is the day's first hour), in one pass. */
function byHour<Fact extends { occurredAt: Date }>(facts: Fact[], start: number, hours: number) {
  const buckets = Array.from({ length: hours }, (): Fact[] => []);
  for (const fact of facts) {
    buckets[Math.floor((fact.occurredAt.getTime() - start) / hourMs)]?.push(fact);
  }
  return buckets;
}

/**
 * Rebuilds one local day and its hours from the raw and recorded events: each bucket is replaced
 * whole, so running it again (late events, replays, a retried job) gives the same documents.
 * Reads the day's events into memory: fine for a shop's day (see docs/analytics.md for scale).
 * Facts not yet given their product's category get it first (`category-stamps.ts`).
 */
export async function rebuildDay(timeZone: string, day: string, now = new Date()): Promise<void> {
  const { TrackedEvent, AnalyticsEvent, AnalyticsRollup } = await analyticsDatabase.models();
  const { start, end } = localDayBounds(timeZone, day);
  const range = { $gte: new Date(start), $lt: new Date(end) };
  const [browsing, recorded] = await Promise.all([
    TrackedEvent.find({ occurredAt: range })
      .select({
        kind: 1,
        occurredAt: 1,
        sessionId: 1,
        device: 1,
        trafficSource: 1,
        productId: 1,
        query: 1,
        path: 1,
        categorySlug: 1,
        categoryName: 1,
        'properties.quantity': 1,
      })
      .lean<(BrowsingFact & { _id: Types.ObjectId })[]>(),
    AnalyticsEvent.find({ name: { $in: rolledUpEventNames }, occurredAt: range })
      .select({ name: 1, occurredAt: 1, properties: 1 })
      .lean<(RecordedFact & { _id: Types.ObjectId })[]>(),
  ]);
  await stampCategories(
    browsing,
    recorded.filter((event) => event.name === 'order/order.confirmed'),
  );

  // A day has 23 to 25 hours (DST; a half-hour shift makes a part hour, counted as one). Its
  // buckets go to the database in one write, not 25.
  const hours = Math.ceil((end - start) / hourMs);
  const browsingByHour = byHour(browsing, start, hours);
  const recordedByHour = byHour(recorded, start, hours);
  await AnalyticsRollup.bulkWrite(
    [
      rollupReplacement(
        {
          granularity: 'day',
          timeZone,
          localStart: day,
          start: new Date(start),
          end: new Date(end),
          ...summariseBucket(browsing, recorded),
        },
        now,
      ),
      ...browsingByHour.map((hourBrowsing, index) => {
        const hourStart = start + index * hourMs;
        return rollupReplacement(
          {
            granularity: 'hour',
            timeZone,
            localStart: localHourOf(timeZone, hourStart),
            start: new Date(hourStart),
            end: new Date(hourStart + hourMs),
            ...summariseBucket(hourBrowsing, recordedByHour[index]!),
          },
          now,
        );
      }),
    ],
    { ordered: false },
  );
}
