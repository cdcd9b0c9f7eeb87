import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * Failed guesses per key and window: guest order lookups (number + email that do not match) per
 * client address, discount codes that do not apply per cart and per client address, so nobody can
 * walk order numbers or guess codes. `_id` is derived from (scope, key, window), so concurrent
 * first failures meet on one document; windows expire (TTL index).
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
