import { type Connection, type Model, Schema, type Types } from 'mongoose';

export const rollupGranularities = ['hour', 'day'] as const;
export type RollupGranularity = (typeof rollupGranularities)[number];

/** Counts of one bucket, a plain object of whole numbers keyed by what is counted. */
export type RollupCounts = Record<string, number>;

/**
 * What happened in one hour or one day of the store's time zone, made from the raw events and the
 * order events the cell recorded. `_id` is derived from `key`, `<granularity>:<time zone>:<local
 * start>` (e.g. `day:Europe/Amsterdam:2026-03-29`), so a rebuild replaces the bucket instead of
 * adding to it.
 */
export interface AnalyticsRollup {
  _id: Types.ObjectId;
  key: string;
  granularity: RollupGranularity;
  timeZone: string;
  /** Local start, `2026-03-29` for a day, `2026-03-29T03` for an hour. */
  localStart: string;
  /** The UTC instants the bucket covers: [start, end). A DST day lasts 23 or 25 hours. */
  start: Date;
  end: Date;
  totals: RollupCounts;
  /** Revenue, refunds and orders per currency: `{ EUR: { revenueMinor, orders, units, ... } }`. */
  sales: Record<string, RollupCounts>;
  /** Funnel counts by device and by traffic source: `{ 'device:mobile': { sessions, ... } }`. */
  funnel: Record<string, RollupCounts>;
  /** Per product (id or SKU): views, add-to-carts, units and revenue. */
  products: Record<string, RollupCounts>;
  productNames: Record<string, string>;
  /**
   * Per primary category slug (`_none` for products without one): views, add-to-carts, units,
   * revenue per currency, and the sessions that viewed it and of those bought from it.
   */
  categories: Record<string, RollupCounts>;
  categoryNames: Record<string, string>;
  /** Per normalised query: searches, zero results, clicks, purchases after it. */
  searches: Record<string, RollupCounts>;
  rebuiltAt: Date;
}

export const analyticsRollupSchema = new Schema<AnalyticsRollup>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    granularity: { type: String, required: true, enum: rollupGranularities },
    timeZone: { type: String, required: true },
    localStart: { type: String, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    totals: { type: Schema.Types.Mixed, default: () => ({}) },
    sales: { type: Schema.Types.Mixed, default: () => ({}) },
    funnel: { type: Schema.Types.Mixed, default: () => ({}) },
    products: { type: Schema.Types.Mixed, default: () => ({}) },
    productNames: { type: Schema.Types.Mixed, default: () => ({}) },
    categories: { type: Schema.Types.Mixed, default: () => ({}) },
    categoryNames: { type: Schema.Types.Mixed, default: () => ({}) },
    searches: { type: Schema.Types.Mixed, default: () => ({}) },
    rebuiltAt: { type: Date, required: true },
  },
  { minimize: false, versionKey: false },
);
analyticsRollupSchema.index({ granularity: 1, timeZone: 1, start: 1 });

export function analyticsRollupModel(connection: Connection): Model<AnalyticsRollup> {
  return connection.model<AnalyticsRollup>('AnalyticsRollup', analyticsRollupSchema);
}
