import { type Connection, type InferSchemaType, Schema, Types } from 'mongoose';

/**
 * A sequence (`value` only ever `$inc`-ed), e.g. the order numbers. Its `_id` is fixed per
 * sequence so concurrent first uses cannot create two.
 */
export const sequenceSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  name: { type: String, required: true },
  value: { type: Number, required: true, default: 0 },
});

/** The order-number sequence: numbers are `SO-${100000 + value}`. */
export const orderNumberSequenceId = new Types.ObjectId('5e9000000000000000000001');
export const orderNumberBase = 100_000;

export const placementStates = ['placing', 'placed'] as const;

/**
 * The claim on one checkout submission: `_id` is derived from (who, idempotency key), so of many
 * concurrent submissions exactly one inserts it and places the order; the others wait for it and
 * answer with the same order. `eventSentAt` is set only once `order/order.created` was accepted,
 * so a retry after a failed send sends it (no order without its saga).
 */
export const orderPlacementSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    /** `account:<id>` or `guest:<cart token hash>`: keys of different shoppers never meet. */
    scope: { type: String, required: true },
    /** SHA-256 of the idempotency key. */
    keyHash: { type: String, required: true },
    state: { type: String, enum: placementStates, required: true, default: 'placing' },
    /** The order's id, chosen when the claim is made. */
    orderId: { type: Schema.Types.ObjectId, required: true },
    /** While `placing`: the claim lapses after this, so a crashed attempt does not block retries. */
    leaseUntil: { type: Date, required: true },
    eventSentAt: { type: Date },
  },
  { timestamps: true },
);

// A key is a retry of one submission: after 30 days nobody retries, and the claim can go.
orderPlacementSchema.index({ createdAt: 1 }, { expireAfterSeconds: 30 * 24 * 60 * 60 });

export type OrderPlacement = InferSchemaType<typeof orderPlacementSchema>;

export function sequenceModel(connection: Connection) {
  return connection.model('Sequence', sequenceSchema);
}

export function orderPlacementModel(connection: Connection) {
  return connection.model('OrderPlacement', orderPlacementSchema);
}
