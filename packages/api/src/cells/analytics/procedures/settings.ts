import type { HandlerArgs, StaffArgs } from '../../../trpc/context';
import {
  analyticsSettingsKey,
  storeAnalyticsSettings,
  type StoreAnalyticsSettings,
} from '../analytics-settings';
import { analyticsDatabase } from '../database';
import type { UpdateSettingsInput } from '../inputs';

/** The store's analytics settings as staff see them (analytics:read). */
export async function settings(_args: HandlerArgs<undefined>): Promise<StoreAnalyticsSettings> {
  return storeAnalyticsSettings();
}

/**
 * What the storefront's consent banner needs to know, for anyone: only the mode (`never` shows
 * no banner, `opt-in` asks, `opt-out` tells and offers a no).
 */
export async function consentPolicy(
  _args: HandlerArgs<undefined>,
): Promise<Pick<StoreAnalyticsSettings, 'consentMode'>> {
  const { consentMode } = await storeAnalyticsSettings();
  return { consentMode };
}

/**
 * Saves the settings (analytics:configure, audited with before and after). A new time zone
 * makes the next rollup run rebuild every day that still has raw events, in the new zone: the
 * watermark is cleared. Days older than the raw-event retention keep the rollups of the zone
 * they were built in, which reports in the new zone no longer read (docs/analytics.md).
 */
export async function updateSettings({
  input,
  ctx,
}: StaffArgs<UpdateSettingsInput>): Promise<StoreAnalyticsSettings> {
  const { AnalyticsSettings } = await analyticsDatabase.models();
  const before = await storeAnalyticsSettings();
  const zoneChanged = before.timeZone !== input.timeZone;
  await AnalyticsSettings.updateOne(
    { key: analyticsSettingsKey },
    {
      $set: input,
      ...(zoneChanged ? { $unset: { rolledUpThrough: 1 } } : {}),
    },
    { upsert: true },
  );
  const after = await storeAnalyticsSettings();
  ctx.audit.record({
    object: { type: 'analytics-settings', id: analyticsSettingsKey },
    before,
    after,
  });
  return after;
}
