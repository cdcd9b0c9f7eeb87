import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * The notification cell's own copy of what each customer bought, for campaign audiences: fed by
 * the order cell's `order.created` events (and by the seed for the demo orders). The order cell
 * owns orders; this holds only what a segment asks about.
 */
export const customerPurchaseSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    accountId: { type: String, default: null },
    lastOrderAt: { type: Date, required: true },
    orderCount: { type: Number, required: true, default: 0, min: 0 },
    /**
     * Spent per currency (ISO code -> integer minor units), refunds not taken off: what the
     * customer once chose to spend. Currencies are never added together.
     */
    lifetimeValue: { type: Map, of: Number, default: {} },
    /** Slugs of the categories (and their parents) of every product bought. */
    categorySlugs: { type: [String], default: [] },
    /** Orders already counted, so a redelivered event counts once. */
    orderNumbers: { type: [String], default: [] },
  },
  { timestamps: true },
);
customerPurchaseSchema.index({ email: 1 }, { unique: true });
customerPurchaseSchema.index({ categorySlugs: 1 });
customerPurchaseSchema.index({ lastOrderAt: 1 });

export type CustomerPurchase = InferSchemaType<typeof customerPurchaseSchema>;

export function customerPurchaseModel(connection: Connection) {
  return connection.model('CustomerPurchase', customerPurchaseSchema, 'customer_purchases');
}
