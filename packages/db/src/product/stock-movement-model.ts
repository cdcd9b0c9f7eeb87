import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/** Why stock moved. Staff choose the first four; the others are written by the system. */
export const stockMovementReasons = [
  'received',
  'damaged',
  'counted',
  'returned',
  /** The starting count of a new SKU (product editor or CSV import). */
  'initial',
  /** Older callers' free-text adjustments (product.adjustStock). */
  'other',
] as const;
export type StockMovementReason = (typeof stockMovementReasons)[number];

/** Where a movement was made, so the history can say "CSV import" or "product editor". */
export const stockMovementSources = ['inventory', 'editor', 'csv', 'api'] as const;
export type StockMovementSource = (typeof stockMovementSources)[number];

/**
 * One staff change to a SKU's units on hand: appended, never edited. Reservations and shipments
 * are not recorded here (the order keeps those); this is the merchant's stock ledger.
 */
export const stockMovementSchema = new Schema(
  {
    sku: { type: String, required: true, trim: true, uppercase: true },
    productId: { type: Schema.Types.ObjectId, required: true },
    /** Units added (negative: removed). */
    delta: { type: Number, required: true },
    onHandBefore: { type: Number, required: true },
    onHandAfter: { type: Number, required: true },
    reason: { type: String, enum: stockMovementReasons, required: true },
    note: { type: String, default: '' },
    source: { type: String, enum: stockMovementSources, required: true },
    /** Who made it: the staff account and its email at the time (null: a script or service). */
    actorId: { type: String, default: null },
    actorEmail: { type: String, default: null },
    /** The idempotency key of the request or import that made it (one movement per key and SKU). */
    key: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
stockMovementSchema.index({ sku: 1, createdAt: -1 });
stockMovementSchema.index({ key: 1, sku: 1 });

export type StockMovement = InferSchemaType<typeof stockMovementSchema>;
export type StockMovementDocument = HydratedDocument<StockMovement>;

export function stockMovementModel(connection: Connection) {
  return connection.model('StockMovement', stockMovementSchema);
}
