import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * Failed guest order lookups (number + email that do not match) per client address and window,
 * so nobody can walk the order numbers with a victim's email. `_id` is derived from (address,
 * window), so concurrent first failures meet on one document; windows expire (TTL index).
 */
export const orderLookupFailureSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  count: { type: Number, required: true, default: 0 },
  expiresAt: { type: Date, required: true },
});
orderLookupFailureSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type OrderLookupFailure = InferSchemaType<typeof orderLookupFailureSchema>;

export function orderLookupFailureModel(connection: Connection) {
  return connection.model('OrderLookupFailure', orderLookupFailureSchema);
}
