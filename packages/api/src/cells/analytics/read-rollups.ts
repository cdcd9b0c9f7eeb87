import type { AnalyticsRollup } from '@shop/db/analytics';
import { hostConfig } from '../../config/host';
import { analyticsDatabase } from './database';
import { rebuildDay, rollupKey } from './rollup-builder';
import { localDayOf } from './zoned-time';

/**
 * Today's rollup rebuilt first when it is older than `ANALYTICS_TODAY_FRESHNESS_MS` (30 s; the job
 * runs every 10 minutes), so a merchant sees an order placed a moment ago; one day's events,
 * replaced whole, so a concurrent rebuild by the job is harmless.
 */
async function refreshToday(timeZone: string, from: string, to: string): Promise<void> {
  const today = localDayOf(timeZone, Date.now());
  if (today < from || today > to) return;
  const { AnalyticsRollup } = await analyticsDatabase.models();
  const current = await AnalyticsRollup.findOne({ key: rollupKey('day', timeZone, today) })
    .select({ rebuiltAt: 1 })
    .lean();
  if (
    !current ||
    Date.now() - current.rebuiltAt.getTime() > hostConfig().ANALYTICS_TODAY_FRESHNESS_MS
  ) {
    await rebuildDay(timeZone, today);
  }
}

/** The day rollups of a local range in the zone, oldest first (days without events are absent). */
export async function dayRollups(
  timeZone: string,
  from: string,
  to: string,
): Promise<AnalyticsRollup[]> {
  await refreshToday(timeZone, from, to);
  const { AnalyticsRollup } = await analyticsDatabase.models();
  return AnalyticsRollup.find({
    granularity: 'day',
    timeZone,
    localStart: { $gte: from, $lte: to },
  })
    .sort({ localStart: 1 })
    .lean<AnalyticsRollup[]>();
}
