import { cartDaysAffectedBy, rebuildCartDays } from './abandoned-cart-days';
import { analyticsSettingsKey, storeAnalyticsSettings } from './analytics-settings';
import { accountsWithConversionsSince, rebuildCustomerHistories } from './customer-histories';
import { analyticsDatabase } from './database';
import { rebuildDay, rolledUpEventNames } from './rollup-builder';
import { recordedEventsCutoff } from './retention';
import { localDayBounds, localDayOf } from './zoned-time';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The local days whose rollups are out of date: today and yesterday always (the current buckets
 * keep filling), plus every day of an event that arrived since the last run however old it is
 * (a late beacon, a replayed batch, an order event the executor retried).
 */
export async function daysToRebuild(timeZone: string, since: Date | undefined, now: Date) {
  const { TrackedEvent, AnalyticsEvent } = await analyticsDatabase.models();
  const days = new Set([
    localDayOf(timeZone, now.getTime() - dayMs),
    localDayOf(timeZone, now.getTime()),
  ]);
  if (since) {
    const [browsing, recorded] = await Promise.all([
      TrackedEvent.find({ receivedAt: { $gte: since } })
        .select({ occurredAt: 1 })
        .lean(),
      // updatedAt, not createdAt: a redelivered event and an erasure (a conversion losing its
      // account id, so a guest order now) change the day too.
      AnalyticsEvent.find({ name: { $in: rolledUpEventNames }, updatedAt: { $gte: since } })
        .select({ occurredAt: 1 })
        .lean(),
    ]);
    for (const event of [...browsing, ...recorded]) {
      days.add(localDayOf(timeZone, event.occurredAt.getTime()));
    }
  }
  return [...days].sort();
}

export interface RollupRun {
  rebuiltDays: string[];
  rebuiltCartDays: number;
  rebuiltCustomers: number;
  deletedRawEvents: number;
  /** Recorded events (orders, refunds, cancellations, searches, sign-ups) past the retention. */
  deletedRecordedEvents: number;
}

/**
 * One run of the scheduled job: rebuild the out-of-date days (hour and day rollups, and the
 * abandoned carts of those days and the 7 before), the order histories of the customers whose
 * conversions arrived or changed; move the watermark to when this run started (events arriving
 * during the run are picked up next time), then delete the raw events older than the store's
 * retention: browsing events, and the events recorded from other cells by whole local days
 * (`recordedEventsCutoff`). Rollups, cart days and customer histories are kept.
 */
export async function runRollups(now = new Date()): Promise<RollupRun> {
  const { AnalyticsSettings, TrackedEvent, AnalyticsEvent } = await analyticsDatabase.models();
  const settings = await storeAnalyticsSettings();
  const saved = await AnalyticsSettings.findOne({ key: analyticsSettingsKey }).lean();
  // A little overlap, so an event stored just as the last run read cannot slip between runs.
  const since = saved?.rolledUpThrough
    ? new Date(saved.rolledUpThrough.getTime() - 60_000)
    : undefined;
  const cutoff = new Date(now.getTime() - settings.rawEventRetentionDays * dayMs);
  // A day that began before the retention cutoff has lost raw events: rebuilding it would wipe
  // its browsing counts, so its rollup stays as it was built while the events were all there.
  const retained = (day: string) =>
    localDayBounds(settings.timeZone, day).start >= cutoff.getTime();
  const days = (await daysToRebuild(settings.timeZone, since ?? new Date(0), now)).filter(retained);
  for (const day of days) await rebuildDay(settings.timeZone, day, now);
  // A purchase recovers a cart of up to 7 days before: those days' cart rollups change too.
  const cartDays = [...new Set(days.flatMap(cartDaysAffectedBy))].filter(retained).sort();
  await rebuildCartDays(settings.timeZone, cartDays, now);
  const accounts = await accountsWithConversionsSince(since ?? new Date(0));
  await rebuildCustomerHistories(settings.timeZone, accounts, now);
  await AnalyticsSettings.updateOne(
    { key: analyticsSettingsKey },
    { $set: { rolledUpThrough: now } },
    { upsert: true },
  );
  const deleted = await TrackedEvent.deleteMany({ occurredAt: { $lt: cutoff } });
  const deletedRecorded = await AnalyticsEvent.deleteMany({
    occurredAt: { $lt: recordedEventsCutoff(settings, now) },
  });
  return {
    rebuiltDays: days,
    rebuiltCartDays: cartDays.length,
    rebuiltCustomers: accounts.length,
    deletedRawEvents: deleted.deletedCount,
    deletedRecordedEvents: deletedRecorded.deletedCount,
  };
}
