import { type Connection } from 'mongoose';
import { abandonedCartDayModel } from './abandoned-cart-day-model';
import { analyticsEventModel } from './analytics-event-model';
import { analyticsRollupModel } from './analytics-rollup-model';
import { analyticsSettingsModel } from './analytics-settings-model';
import { customerHistoryModel } from './customer-history-model';
import { trackedEventModel } from './tracked-event-model';

export * from './abandoned-cart-day-model';
export * from './analytics-event-model';
export * from './analytics-rollup-model';
export * from './analytics-settings-model';
export * from './customer-history-model';
export * from './tracked-event-model';

/** The analytics domain's models, bound to the analytics database connection. */
export function analyticsModels(connection: Connection) {
  return {
    AnalyticsEvent: analyticsEventModel(connection),
    TrackedEvent: trackedEventModel(connection),
    AnalyticsRollup: analyticsRollupModel(connection),
    AnalyticsSettings: analyticsSettingsModel(connection),
    CustomerHistory: customerHistoryModel(connection),
    AbandonedCartDay: abandonedCartDayModel(connection),
  };
}
export type AnalyticsModels = ReturnType<typeof analyticsModels>;
