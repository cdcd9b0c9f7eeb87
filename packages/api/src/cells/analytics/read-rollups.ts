import type { AnalyticsRollup } from '@shop/db/analytics';
import { hostConfig } from '../../config/host';
import { analyticsDatabase } from './database';
import { rebuildDay, rollupKey } from './rollup-builder';
import { localDayOf } from './zoned-time';

/**
 * Today's rollup rebuilt when it is older than `ANALYTICS_TODAY_FRESHNESS_MS` (30 s; the job runs
 * every 10 minutes), so a merchant sees an order placed a moment ago. One day's events, replaced
 * whole, so a concurrent rebuild by the job or by another pod is harmless, only wasted work.
 */
async function rebuildTodayIfStale(timeZone: string, today: string): Promise<void> {
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

/**
 * The refreshes of today in progress in this process, one per (zone, day). The analytics page
 * asks for seven reports at once and each covers today: without this each found today stale and
 * rebuilt it, seven full reads of the day's events side by side. Now the first starts the check
 * and the rebuild, and the others wait for that same promise. An entry lives only while its
 * refresh runs (a failed one too: the next report tries again), so the map holds at most one
 * entry per zone the store has used today.
 */
const refreshesInProgress = new Map<string, Promise<void>>();

function refreshToday(timeZone: string, from: string, to: string): Promise<void> {
  const today = localDayOf(timeZone, Date.now());
  if (today < from || today > to) return Promise.resolve();
  const key = rollupKey('day', timeZone, today);
  const inProgress = refreshesInProgress.get(key);
  if (inProgress) return inProgress;
  const refresh = rebuildTodayIfStale(timeZone, today).finally(() => {
    refreshesInProgress.delete(key);
  });
  refreshesInProgress.set(key, refresh);
  return refresh;
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
