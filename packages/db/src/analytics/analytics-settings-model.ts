import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/**
 * When a signed-in shopper's account id may be stored with their browsing events:
 * `opt-in` only after they said yes (the `shop_analytics_consent=granted` cookie), `opt-out`
 * unless they said no, `never` not at all. Global Privacy Control (`Sec-GPC: 1`) always means no.
 */
export const analyticsConsentModes = ['opt-in', 'opt-out', 'never'] as const;
export type AnalyticsConsentMode = (typeof analyticsConsentModes)[number];

export const defaultAnalyticsSettings = {
  timeZone: 'Europe/Amsterdam',
  consentMode: 'opt-in' as AnalyticsConsentMode,
  rawEventRetentionDays: 90,
};

/** The store's analytics settings: one document, `key: 'store'`. Absent: the defaults above. */
export const analyticsSettingsSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    timeZone: { type: String, required: true, default: defaultAnalyticsSettings.timeZone },
    consentMode: {
      type: String,
      required: true,
      enum: analyticsConsentModes,
      default: defaultAnalyticsSettings.consentMode,
    },
    rawEventRetentionDays: {
      type: Number,
      required: true,
      min: 1,
      max: 3650,
      default: defaultAnalyticsSettings.rawEventRetentionDays,
    },
    /** Received-at watermark of the last rollup run: later arrivals are rebuilt next run. */
    rolledUpThrough: { type: Date },
  },
  { versionKey: false, timestamps: true },
);

export type AnalyticsSettings = InferSchemaType<typeof analyticsSettingsSchema>;

export function analyticsSettingsModel(connection: Connection): Model<AnalyticsSettings> {
  return connection.model<AnalyticsSettings>('AnalyticsSettings', analyticsSettingsSchema);
}
