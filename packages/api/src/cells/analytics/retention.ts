import type { StoreAnalyticsSettings } from './analytics-settings';
import { localDayBounds, localDayOf } from './zoned-time';

const dayMs = 24 * 60 * 60 * 1000;

type Retention = Pick<StoreAnalyticsSettings, 'timeZone' | 'rawEventRetentionDays'>;

/**
 * The first local day whose recorded events (orders, refunds, searches, sign-ups) are all kept:
 * the day holding the instant `rawEventRetentionDays` ago. Older days' recorded events are
 * deleted; their rollups were built while the events were there and are never rebuilt.
 */
export function firstRetainedDay(settings: Retention, now: Date): string {
  return localDayOf(settings.timeZone, now.getTime() - settings.rawEventRetentionDays * dayMs);
}

/**
 * Recorded events older than this are deleted: the start of `firstRetainedDay`, so a day keeps
 * all its recorded events or none, and a customer's history keeps the days before it whole
 * (`customer-histories.ts`).
 */
export function recordedEventsCutoff(settings: Retention, now: Date): Date {
  return new Date(localDayBounds(settings.timeZone, firstRetainedDay(settings, now)).start);
}
