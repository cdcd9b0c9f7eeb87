import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { currencyField, minorUnitsField } from '../schema-fields/money-fields';
import { orderStatuses } from './order-statuses';

/** A line copies name and price at order time, so later catalog edits never change an order. */
const orderLineSchema = new Schema(
  {
    productSlug: { type: String, required: true },
    name: { type: String, required: true },
    unitPriceMinor: minorUnitsField(),
    quantity: {
      type: Number,
      required: true,
      min: 1,
      validate: { validator: Number.isInteger, message: 'quantity must be a whole number' },
    },
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
    totalMinor: minorUnitsField(),
    currency: currencyField(),
    /** Client-supplied key so a retried "place order" creates one order, not two. */
    idempotencyKey: { type: String },
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
orderSchema.index({ accountId: 1, createdAt: -1 });
orderSchema.index({ status: 1, createdAt: -1 });
// Account deletion finds a guest's orders by the email they gave.
orderSchema.index({ 'customer.email': 1 }, { sparse: true });

export type Order = InferSchemaType<typeof orderSchema>;
export type OrderLine = InferSchemaType<typeof orderLineSchema>;
export type OrderDocument = HydratedDocument<Order>;

export function orderModel(connection: Connection) {
  return connection.model('Order', orderSchema);
}
