import {
  type Connection,
  type HydratedDocument,
  type InferSchemaType,
  type Model,
  Schema,
} from 'mongoose';

export const analyticsEventSchema = new Schema(
  {
    /** Usually the Inngest event name, e.g. `order/order.created`. */
    name: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    properties: { type: Schema.Types.Mixed, default: () => ({}) },
    /** Which cell or app recorded it. */
    source: { type: String, required: true },
  },
  // `minimize: false` keeps an empty `properties` object instead of dropping the path.
  { timestamps: true, minimize: false },
);
// Events are kept (no TTL): reports read them by name over a time range.
analyticsEventSchema.index({ name: 1, occurredAt: -1 });
// One account's conversions, for rebuilding its customer history (and for erasure).
analyticsEventSchema.index(
  { 'properties.accountId': 1 },
  { partialFilterExpression: { 'properties.accountId': { $type: 'string' } } },
);

/** Mixed infers as `any`; properties are arbitrary JSON-like values. */
export type AnalyticsEvent = Omit<InferSchemaType<typeof analyticsEventSchema>, 'properties'> & {
  properties: Record<string, unknown>;
};
export type AnalyticsEventDocument = HydratedDocument<AnalyticsEvent>;

export function analyticsEventModel(connection: Connection): Model<AnalyticsEvent> {
  return connection.model<AnalyticsEvent>('AnalyticsEvent', analyticsEventSchema);
}
