import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/** What the storefront's browser reports (`apps/storefront/src/app/api/events/route.ts`). */
export const trackedEventKinds = [
  'session_started',
  'page_viewed',
  'product_viewed',
  'search_result_clicked',
  'cart_item_added',
  'cart_item_removed',
  'checkout_started',
  'checkout_step',
  'review_written',
] as const;
export type TrackedEventKind = (typeof trackedEventKinds)[number];

export const deviceClasses = ['mobile', 'tablet', 'desktop'] as const;
export type DeviceClass = (typeof deviceClasses)[number];

/**
 * One raw event from a shopper's browser. `_id` is derived from the anonymous id and the client's
 * event id (`derivedObjectId`), so a batch
 * sent twice (a beacon retried, a replay) inserts nothing the second time. Raw events are deleted
 * after the store's retention; the rollups made from them are kept.
 */
export const trackedEventSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: trackedEventKinds },
    /** When it happened in the browser (never in the future: the cell refuses that). */
    occurredAt: { type: Date, required: true },
    /** When the cell stored it: the rollup job rebuilds the buckets of events received late. */
    receivedAt: { type: Date, required: true },
    /** First-party random id of the browser (a cookie); identifies no person by itself. */
    anonymousId: { type: String, required: true },
    sessionId: { type: String, required: true },
    /** Only when the shopper consented (store setting, Global Privacy Control): see docs/analytics.md. */
    accountId: { type: String },
    device: { type: String, required: true, enum: deviceClasses },
    /** Traffic source of the session: `direct`, `search`, `social`, `referral`, `email`, `campaign`. */
    trafficSource: { type: String, required: true },
    path: { type: String },
    productId: { type: String },
    query: { type: String },
    /**
     * The product's primary category, stamped once by the rollup job the first time it rolls the
     * event up (`category-stamps.ts` in the cell), so a product moving category later does not
     * rewrite what was counted. `_none`: no category (or no longer in the catalogue); absent: not
     * stamped yet.
     */
    categorySlug: { type: String },
    categoryName: { type: String },
    properties: { type: Schema.Types.Mixed, default: () => ({}) },
  },
  { minimize: false, versionKey: false },
);
trackedEventSchema.index({ occurredAt: 1 });
trackedEventSchema.index({ receivedAt: 1 });
trackedEventSchema.index({ accountId: 1 }, { sparse: true });

export type TrackedEvent = Omit<InferSchemaType<typeof trackedEventSchema>, 'properties'> & {
  properties: Record<string, unknown>;
};

export function trackedEventModel(connection: Connection): Model<TrackedEvent> {
  return connection.model<TrackedEvent>('TrackedEvent', trackedEventSchema);
}
