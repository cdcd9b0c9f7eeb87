import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

export const backInStockStatuses = ['waiting', 'notified'] as const;
export type BackInStockStatus = (typeof backInStockStatuses)[number];

/**
 * "Email me when available" for one sold-out variant: one email when it is restocked, then the
 * request is done (`notified`). One waiting request per (address, SKU).
 */
export const backInStockRequestSchema = new Schema(
  {
    email: { type: String, required: true, trim: true, lowercase: true },
    sku: { type: String, required: true },
    productId: { type: String, required: true },
    status: { type: String, enum: backInStockStatuses, required: true, default: 'waiting' },
    notifiedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
backInStockRequestSchema.index(
  { email: 1, sku: 1 },
  { unique: true, partialFilterExpression: { status: 'waiting' } },
);
backInStockRequestSchema.index({ productId: 1, status: 1 });

export type BackInStockRequest = InferSchemaType<typeof backInStockRequestSchema>;
export type BackInStockRequestDocument = HydratedDocument<BackInStockRequest>;

export function backInStockRequestModel(connection: Connection) {
  return connection.model('BackInStockRequest', backInStockRequestSchema);
}
