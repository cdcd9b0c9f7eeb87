import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * How often one customer used one code: one document per (code, customer) whose `_id` is derived
 * from both, so two concurrent first uses cannot create two counters (duplicate `_id`s are
 * refused by every MongoDB-compatible server). `uses` changes only by conditional `$inc`.
 */
export const discountCustomerUseSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    /** Account id, or `email:<lower-cased email>` for guests. */
    customerKey: { type: String, required: true },
    uses: { type: Number, required: true, default: 0, min: 0 },
  },
  { timestamps: true },
);

/**
 * One order's use of a code (`_id` = the order's id), so a cancelled order gives its use back
 * exactly once: `releasedAt` is set by a conditional update before the counters are decremented.
 */
export const discountRedemptionSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    codeId: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    customerUseId: { type: Schema.Types.ObjectId, required: true },
    releasedAt: { type: Date },
  },
  { timestamps: true },
);

export type DiscountCustomerUse = InferSchemaType<typeof discountCustomerUseSchema>;
export type DiscountRedemption = InferSchemaType<typeof discountRedemptionSchema>;

export function discountCustomerUseModel(connection: Connection) {
  return connection.model('DiscountCustomerUse', discountCustomerUseSchema);
}

export function discountRedemptionModel(connection: Connection) {
  return connection.model('DiscountRedemption', discountRedemptionSchema);
}
