import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/**
 * `pending` while its lines are being taken (a crash leaves it pending; the sweep gives back what
 * `takenSkus` says was taken), then `active` until released, committed (the order completed) or
 * expired (nobody completed it in time).
 */
export const reservationStatuses = [
  'pending',
  'active',
  'released',
  'committed',
  'expired',
  /** Was committed, then the order was cancelled before shipping: the units are back on hand. */
  'returned',
] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

const reservationLineSchema = new Schema(
  {
    sku: { type: String, required: true, uppercase: true, trim: true },
    quantity: {
      type: Number,
      required: true,
      min: 1,
      validate: { validator: Number.isInteger, message: '{PATH} must be a whole number' },
    },
  },
  { _id: false },
);

/** Stock held for one checkout, keyed by the caller's `reservationId` so retries are idempotent. */
export const reservationSchema = new Schema(
  {
    reservationId: { type: String, required: true, trim: true },
    lines: { type: [reservationLineSchema], required: true },
    status: { type: String, enum: reservationStatuses, required: true, default: 'pending' },
    /**
     * SKUs whose units this reservation holds, as a hint for finishing after a crash: added after
     * a SKU's units are taken, removed after they are shipped or given back. A terminal reservation
     * with SKUs left here has movements to finish (the sweep does).
     */
    takenSkus: { type: [String], default: [] },
    /**
     * Made by a version that records holds on the inventory items (`InventoryItem.holds`). A
     * reservation made before it (false) keeps the older claim-then-move handling.
     */
    holdsOnItems: { type: Boolean, default: false },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true },
);
reservationSchema.index({ reservationId: 1 }, { unique: true });
// The expiry sweep: active reservations past their time, pending ones left by a crash.
reservationSchema.index({ status: 1, expiresAt: 1 });
// The sweep's second pass: ended reservations whose unit movements a crash cut short.
reservationSchema.index({ status: 1, 'takenSkus.0': 1 });

export type Reservation = InferSchemaType<typeof reservationSchema>;
export type ReservationDocument = HydratedDocument<Reservation>;

export function reservationModel(connection: Connection) {
  return connection.model('Reservation', reservationSchema);
}
