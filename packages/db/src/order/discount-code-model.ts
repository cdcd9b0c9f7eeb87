import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

const wholeNumber = {
  validator: Number.isInteger,
  message: '{PATH} must be a whole number',
} as const;

export const discountKinds = ['percentage', 'fixed'] as const;
export type DiscountKind = (typeof discountKinds)[number];

/**
 * A discount code staff create. `usedCount` is a counter changed only by conditional `$inc`
 * (the limit is in the update's filter), so concurrent checkouts cannot exceed `usageLimit`
 * without relying on transactions or unique indexes.
 */
export const discountCodeSchema = new Schema(
  {
    /** Upper-case letters, digits, dashes and underscores, e.g. `WELCOME10`. */
    code: { type: String, required: true, trim: true, uppercase: true },
    kind: { type: String, enum: discountKinds, required: true },
    /** Percent (1–100) for `percentage`, minor units for `fixed`. */
    value: { type: Number, required: true, min: 1, validate: wholeNumber },
    minSpendMinor: { type: Number, default: 0, min: 0, validate: wholeNumber },
    startsAt: { type: Date },
    expiresAt: { type: Date },
    /** Total redemptions allowed; absent = unlimited. */
    usageLimit: { type: Number, min: 1, validate: wholeNumber },
    /** Redemptions allowed per customer (account id or lower-cased email); absent = unlimited. */
    perCustomerLimit: { type: Number, min: 1, validate: wholeNumber },
    active: { type: Boolean, required: true, default: true },
    usedCount: { type: Number, required: true, default: 0, min: 0, validate: wholeNumber },
  },
  { timestamps: true },
);
discountCodeSchema.index({ code: 1 }, { unique: true });

export type DiscountCode = InferSchemaType<typeof discountCodeSchema>;
export type DiscountCodeDocument = HydratedDocument<DiscountCode>;

export function discountCodeModel(connection: Connection) {
  return connection.model('DiscountCode', discountCodeSchema);
}
