import { type Connection } from 'mongoose';
import { analyticsEventModel } from './analytics-event-model';

export * from './analytics-event-model';

/** The analytics domain's models, bound to the analytics database connection. */
export function analyticsModels(connection: Connection) {
  return { AnalyticsEvent: analyticsEventModel(connection) };
}
export type AnalyticsModels = ReturnType<typeof analyticsModels>;
