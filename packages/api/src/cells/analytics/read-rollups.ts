import type { AnalyticsRollup } from '@shop/db/analytics';
import { analyticsDatabase } from './database';

/** The day rollups of a local range in the zone, oldest first (days without events are absent). */
export async function dayRollups(
  timeZone: string,
  from: string,
  to: string,
): Promise<AnalyticsRollup[]> {
  const { AnalyticsRollup } = await analyticsDatabase.models();
  return AnalyticsRollup.find({
    granularity: 'day',
    timeZone,
    localStart: { $gte: from, $lte: to },
  })
    .sort({ localStart: 1 })
    .lean<AnalyticsRollup[]>();
}
