import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { currencyField, minorUnitsField } from '../schema-fields/money-fields';
import { taxClasses } from '../schema-fields/tax-class-field';
import { orderStatuses } from './order-statuses';

export { taxClasses, type TaxClass } from '../schema-fields/tax-class-field';

const wholeNumber = {
  validator: Number.isInteger,
  message: '{PATH} must be a whole number',
} as const;

/** A line copies name and price at order time, so later catalog edits never change an order. */
const orderLineSchema = new Schema(
  {
    productId: { type: String, required: true },
    productSlug: { type: String, required: true },
    sku: { type: String, required: true },
    name: { type: String, required: true },
    /** The chosen option values, e.g. `Blue / M` (empty for products without options). */
    variantLabel: { type: String, default: '' },
    imageUrl: { type: String },
    unitPriceMinor: minorUnitsField(),
    quantity: { type: Number, required: true, min: 1, validate: wholeNumber },
    lineTotalMinor: minorUnitsField(),
    /**
     * The line's tax as placed (orders before tax classes have none of these): its class, the
     * rate that applied, its share of the order's discount and the tax on what remained
     * (contained in the price, or added, per the order's `pricesIncludeTax`).
     */
    taxClass: { type: String, enum: taxClasses },
    taxRateBasisPoints: { type: Number, min: 0, validate: wholeNumber },
    discountMinor: { type: Number, min: 0, validate: wholeNumber },
    taxMinor: { type: Number, min: 0, validate: wholeNumber },
  },
  { _id: false },
);

/**
 * Who an order goes to, copied at checkout so later profile edits never change it. Personal
 * data: when the account is deleted the order cell's erasure blanks everything but the country
 * and region (which tax reporting needs), so no field here is required.
 */
const orderAddressSchema = new Schema(
  {
    name: { type: String, trim: true, default: '' },
    line1: { type: String, trim: true, default: '' },
    line2: { type: String, trim: true, default: '' },
    city: { type: String, trim: true, default: '' },
    region: { type: String, trim: true, default: '' },
    postcode: { type: String, trim: true, default: '' },
    /** ISO 3166-1 alpha-2. */
    country: { type: String, trim: true, default: '' },
    phone: { type: String, trim: true, default: '' },
  },
  { _id: false },
);

const orderCustomerSchema = new Schema(
  {
    name: { type: String, trim: true, default: '' },
    email: { type: String, trim: true, lowercase: true },
    phone: { type: String, trim: true },
  },
  { _id: false },
);

export const orderPaymentMethods = ['card', 'cash_on_delivery'] as const;
export type OrderPaymentMethod = (typeof orderPaymentMethods)[number];

export const orderActorTypes = ['customer', 'staff', 'system'] as const;
export type OrderActorType = (typeof orderActorTypes)[number];

/** One step of the state machine, kept forever: when, who and why. */
const orderHistoryEntrySchema = new Schema(
  {
    /** Absent for the first entry (the order was placed). */
    from: { type: String, enum: orderStatuses },
    to: { type: String, enum: orderStatuses, required: true },
    at: { type: Date, required: true },
    actor: {
      type: new Schema(
        {
          type: { type: String, enum: orderActorTypes, required: true },
          /** Account id for customers and staff; the saga step for `system`. */
          id: { type: String },
        },
        { _id: false },
      ),
      required: true,
    },
    reason: { type: String, default: '' },
  },
  { _id: false },
);

/** The discount applied when the order was placed (the code's terms are copied). */
const orderDiscountSchema = new Schema(
  {
    code: { type: String, required: true },
    kind: { type: String, enum: ['percentage', 'fixed'], required: true },
    /** Percent (1–100) for `percentage`, minor units for `fixed`. */
    value: { type: Number, required: true, validate: wholeNumber },
  },
  { _id: false },
);

const orderShippingSchema = new Schema(
  {
    methodId: { type: String, required: true },
    name: { type: String, required: true },
    priceMinor: minorUnitsField(),
    /** Delivery estimate in working days, e.g. 3–5. */
    minDays: { type: Number, validate: wholeNumber },
    maxDays: { type: Number, validate: wholeNumber },
  },
  { _id: false },
);

/** What the saga learned from the payment cell when it started the payment. */
const orderPaymentSchema = new Schema(
  {
    paymentId: { type: String, required: true },
    provider: { type: String, enum: ['stripe', 'test', 'cash'], required: true },
    /**
     * Lets the shopper's browser confirm this payment (Stripe's PaymentIntent client secret, or
     * the test processor's equivalent). Only ever shown to the order's owner; cleared once the
     * payment is settled.
     */
    clientSecret: { type: String },
    failureMessage: { type: String },
  },
  { _id: false },
);

const orderShipmentSchema = new Schema(
  {
    carrier: { type: String, required: true, trim: true },
    trackingNumber: { type: String, required: true, trim: true },
    trackingUrl: { type: String, trim: true },
    shippedAt: { type: Date, required: true },
  },
  { _id: false },
);

const orderRefundSchema = new Schema(
  {
    refundId: { type: String, required: true },
    amountMinor: minorUnitsField(),
    reason: { type: String, default: '' },
    at: { type: Date, required: true },
  },
  { _id: false },
);

export const orderSchema = new Schema(
  {
    /** Human-facing order number, e.g. `SO-100001`. */
    number: { type: String, required: true },
    /** Absent for guest checkouts. */
    accountId: { type: Schema.Types.ObjectId },
    status: { type: String, enum: orderStatuses, required: true, default: 'PENDING' },
    lines: {
      type: [orderLineSchema],
      required: true,
      validate: {
        validator: (lines: unknown[]) => lines.length > 0,
        message: 'an order needs lines',
      },
    },
    /** Σ lineTotalMinor. */
    subtotalMinor: minorUnitsField(),
    discountMinor: { ...minorUnitsField(), default: 0 },
    shippingMinor: { ...minorUnitsField(), default: 0 },
    /**
     * Σ lines' taxMinor + shippingTaxMinor (docs/taxes.md). With `pricesIncludeTax` it is the tax
     * contained in the prices; without it, it is added on top.
     */
    taxMinor: { ...minorUnitsField(), default: 0 },
    /** The destination's standard rate (which shipping is taxed at). */
    taxRateBasisPoints: { type: Number, default: 0, min: 0, validate: wholeNumber },
    /** The store's tax mode when the order was placed; absent on older orders (tax added). */
    pricesIncludeTax: { type: Boolean },
    shippingTaxMinor: { type: Number, min: 0, validate: wholeNumber },
    /** subtotal − discount + shipping (+ tax when not included): what the shopper pays. */
    totalMinor: minorUnitsField(),
    currency: currencyField(),
    discount: { type: orderDiscountSchema },
    shipping: { type: orderShippingSchema },
    paymentMethod: { type: String, enum: orderPaymentMethods, default: 'card' },
    payment: { type: orderPaymentSchema },
    shipment: { type: orderShipmentSchema },
    deliveredAt: { type: Date },
    /** Sum of refunds issued so far; never above what was captured. */
    refundedMinor: { ...minorUnitsField(), default: 0 },
    refunds: { type: [orderRefundSchema], default: [] },
    /** Every status change, oldest first (see `orderHistoryEntrySchema`). */
    history: { type: [orderHistoryEntrySchema], default: [] },
    /** Why the order was cancelled, as a machine code and a sentence for the shopper. */
    cancellation: {
      type: new Schema(
        {
          code: { type: String, required: true },
          message: { type: String, required: true },
        },
        { _id: false },
      ),
    },
    /**
     * Another cell the saga cannot reach right now (set by the step that is waiting for it,
     * removed once it answers), so the shopper's pay page can say what is happening.
     */
    waitingOn: {
      type: new Schema(
        {
          service: { type: String, enum: ['product', 'payment'], required: true },
          since: { type: Date, required: true },
        },
        { _id: false },
      ),
    },
    /** Client-supplied key so a retried "place order" creates one order, not two. */
    idempotencyKey: { type: String },
    /** The stock hold the saga took at the product cell (the order number). */
    reservationId: { type: String },
    /**
     * SHA-256 of the secret that lets a guest (no account) open this order: handed out once when
     * the order is placed and put in the confirmation email's link.
     */
    guestAccessTokenHash: { type: String },
    /**
     * SHA-256 of the access tokens `order.lookup` handed out (number + email matched), newest
     * last and capped, so looking an order up on a second device does not sign out the first.
     */
    guestLookupTokenHashes: { type: [String], default: [] },
    /**
     * The newest emailed "cancel this order" link of a guest order (a lookup token only reads):
     * the SHA-256 of its token, when it was sent and expires, and when it was used. A new request
     * replaces it, so only the newest email's link works.
     */
    guestCancelLink: {
      type: new Schema(
        {
          tokenHash: { type: String, required: true },
          issuedAt: { type: Date, required: true },
          expiresAt: { type: Date, required: true },
          usedAt: { type: Date },
        },
        { _id: false },
      ),
    },
    /** Contact details at checkout (personal data; see `orderAddressSchema`). */
    customer: { type: orderCustomerSchema },
    shippingAddress: { type: orderAddressSchema },
    billingAddress: { type: orderAddressSchema },
    /** When the personal fields were anonymised because the customer deleted their account. */
    anonymisedAt: { type: Date },
  },
  { timestamps: true },
);
orderSchema.index({ number: 1 }, { unique: true });
orderSchema.index({ idempotencyKey: 1 }, { unique: true, sparse: true });
orderSchema.index({ 'guestCancelLink.tokenHash': 1 }, { sparse: true });
orderSchema.index({ accountId: 1, createdAt: -1 });
orderSchema.index({ status: 1, createdAt: -1 });
// Account deletion finds a guest's orders by the email they gave.
orderSchema.index({ 'customer.email': 1 }, { sparse: true });

export type Order = InferSchemaType<typeof orderSchema>;
export type OrderLine = InferSchemaType<typeof orderLineSchema>;
export type OrderHistoryEntry = InferSchemaType<typeof orderHistoryEntrySchema>;
export type OrderDocument = HydratedDocument<Order>;

export function orderModel(connection: Connection) {
  return connection.model('Order', orderSchema);
}
