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
  },
  { timestamps: true },
);
orderSchema.index({ number: 1 }, { unique: true });
orderSchema.index({ idempotencyKey: 1 }, { unique: true, sparse: true });
orderSchema.index({ accountId: 1, createdAt: -1 });
orderSchema.index({ status: 1, createdAt: -1 });

export type Order = InferSchemaType<typeof orderSchema>;
export type OrderLine = InferSchemaType<typeof orderLineSchema>;
export type OrderDocument = HydratedDocument<Order>;

export function orderModel(connection: Connection) {
  return connection.model('Order', orderSchema);
}
