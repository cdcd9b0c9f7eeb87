import { type Connection, type InferSchemaType, Schema } from 'mongoose';
import { currencyField } from '../schema-fields/money-fields';
import { taxClasses } from '../schema-fields/tax-class-field';

const wholeNonNegative = {
  type: Number,
  min: 0,
  validate: { validator: Number.isInteger, message: '{PATH} must be a whole number' },
} as const;

/**
 * Entries nobody read for this long are deleted (TTL index on `checkedAt`). An entry is trusted
 * for far less time than this (the order cell's `ORDER_CART_PRICES_MAX_AGE_MS`); this only keeps
 * SKUs that left every cart from piling up.
 */
export const skuProjectionLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/**
 * The order cell's read-only copy of one SKU as the product cell last described it: price, stock
 * and the fields a cart line shows. Carts are priced from it instead of asking the product cell
 * on every operation; the product cell stays the source of truth and `order.place` asks it fresh.
 * Written only by the order cell, from `product.skuDetails` answers (on a product event, on a
 * missing or too old entry, and at checkout). `_id` is derived from the SKU so the in-memory
 * stand-in, which enforces no other unique index, still keeps one entry per SKU.
 */
export const skuProjectionSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    sku: { type: String, required: true, trim: true, uppercase: true },
    /** False when the product cell knows no such SKU (a removed variant); the fields below are then absent. */
    known: { type: Boolean, required: true },
    productId: { type: String, default: '' },
    slug: { type: String },
    name: { type: String },
    variantLabel: { type: String },
    imageUrl: { type: String },
    imageAlt: { type: String },
    priceMinor: wholeNonNegative,
    compareAtMinor: wholeNonNegative,
    currency: { ...currencyField(), required: false },
    taxClass: { type: String, enum: taxClasses },
    purchasable: { type: Boolean },
    /** Units that could be bought when checked (the product cell caps it at 99). */
    available: wholeNonNegative,
    /**
     * When the product or the SKU's stock last changed at the product cell. A write carrying an
     * older time than the stored one is refused, so answers arriving out of order never regress
     * the entry.
     */
    sourceChangedAt: { type: Date, required: true },
    /** When the order cell last had this from the product cell: the staleness bound counts from here. */
    checkedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
skuProjectionSchema.index({ sku: 1 }, { unique: true });
// A product event refreshes the entries of that product's SKUs.
skuProjectionSchema.index({ productId: 1 });
skuProjectionSchema.index({ checkedAt: 1 }, { expireAfterSeconds: skuProjectionLifetimeMs / 1000 });

export type SkuProjection = InferSchemaType<typeof skuProjectionSchema>;

export function skuProjectionModel(connection: Connection) {
  return connection.model('SkuProjection', skuProjectionSchema);
}
