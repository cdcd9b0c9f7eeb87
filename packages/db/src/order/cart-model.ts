import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { minorUnitsField } from '../schema-fields/money-fields';

const wholeNumber = {
  validator: Number.isInteger,
  message: '{PATH} must be a whole number',
} as const;

/** At most this many different SKUs in one cart, and this many units of one SKU. */
export const cartLimits = { lines: 50, quantityPerLine: 99 } as const;

/** Guest carts nobody touched for this long are deleted (TTL index on `expiresAt`). */
export const guestCartLifetimeMs = 30 * 24 * 60 * 60 * 1000;

/**
 * One SKU in a cart. The price the shopper last saw is kept so a later change can be told to
 * them; name, slug and variant are a snapshot so a line whose product is gone can still be named.
 */
const cartLineSchema = new Schema(
  {
    sku: { type: String, required: true, trim: true, uppercase: true },
    quantity: {
      type: Number,
      required: true,
      min: 1,
      max: cartLimits.quantityPerLine,
      validate: wholeNumber,
    },
    seenUnitPriceMinor: minorUnitsField(),
    addedAt: { type: Date, required: true },
    productId: { type: String, default: '' },
    slug: { type: String, default: '' },
    name: { type: String, default: '' },
    variantLabel: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * A shopping cart: an account's (`accountId`) or a guest's (`tokenHash`, the SHA-256 of the
 * `shop_cart` cookie's random token; the token itself is never stored). Each owner has exactly
 * one cart, whose `_id` the order cell derives from the owner, so concurrent first writes cannot
 * create two. A line is added (`$push`) or removed (`$pull`) by one conditional write; any other
 * change replaces the lines whole under an optimistic `version` check, because positional array
 * updates are not available on every database the shop runs on. Every write increments `version`.
 * The order cell writes carts through the driver and checks what these validators would first
 * (cells/order/cart-lines-check.ts). Placing an order or merging a guest cart into an account
 * empties the cart rather than deleting it.
 */
export const cartSchema = new Schema(
  {
    accountId: { type: Schema.Types.ObjectId },
    tokenHash: { type: String },
    lines: {
      type: [cartLineSchema],
      default: [],
      validate: {
        validator: (lines: unknown[]) => lines.length <= cartLimits.lines,
        message: `a cart holds at most ${cartLimits.lines} lines`,
      },
    },
    /** Upper-cased discount code the shopper applied; checked again on every read. */
    discountCode: { type: String },
    /** Incremented by every write; a write names the version it read. */
    version: { type: Number, required: true, default: 0, validate: wholeNumber },
    /** Set on guest carts only: the TTL index deletes them after this moment. */
    expiresAt: { type: Date },
    /** When a guest cart was last merged into an account's cart, and which one. */
    mergedAt: { type: Date },
    mergedIntoCartId: { type: Schema.Types.ObjectId },
    /** The order the cart's lines last became. */
    lastOrderId: { type: Schema.Types.ObjectId },
  },
  { timestamps: true },
);
cartSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type Cart = InferSchemaType<typeof cartSchema>;
export type CartLineRecord = InferSchemaType<typeof cartLineSchema>;
export type CartDocument = HydratedDocument<Cart>;

export function cartModel(connection: Connection) {
  return connection.model('Cart', cartSchema);
}
