import { defaultAnalyticsSettings, type AnalyticsConsentMode } from '@shop/db/analytics';
import { analyticsDatabase } from './database';

export interface StoreAnalyticsSettings {
  timeZone: string;
  consentMode: AnalyticsConsentMode;
  rawEventRetentionDays: number;
}

export const analyticsSettingsKey = 'store';

/** The store's analytics settings, or the defaults (Europe/Amsterdam, opt-in, 90 days). */
export async function storeAnalyticsSettings(): Promise<StoreAnalyticsSettings> {
  const { AnalyticsSettings } = await analyticsDatabase.models();
  const saved = await AnalyticsSettings.findOne({ key: analyticsSettingsKey }).lean();
  return {
    timeZone: saved?.timeZone ?? defaultAnalyticsSettings.timeZone,
    consentMode: saved?.consentMode ?? defaultAnalyticsSettings.consentMode,
    rawEventRetentionDays:
      saved?.rawEventRetentionDays ?? defaultAnalyticsSettings.rawEventRetentionDays,
  };
}
