import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { currencyField, minorUnitsField } from '../schema-fields/money-fields';

/**
 * `pending` while the provider is asked; `succeeded` or `failed` after. A failed refund gave its
 * amount back to the payment's refundable balance.
 */
export const refundStatuses = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export const refundSchema = new Schema(
  {
    /**
     * `_id` is derived from (payment, idempotency key) by the payment cell, so a retried or
     * concurrent refund with the same key collides on `_id` and creates nothing new.
     */
    paymentId: { type: Schema.Types.ObjectId, required: true },
    orderId: { type: String, required: true },
    amountMinor: { ...minorUnitsField(), min: 1 },
    currency: currencyField(),
    reason: { type: String, default: '' },
    status: { type: String, enum: refundStatuses, required: true, default: 'pending' },
    /** The caller's key (staff refunds: the admin's; cancellations: `cancel-<orderId>`). */
    idempotencyKey: { type: String, required: true },
    /** Stripe's refund id (`re_...`) or the test processor's. */
    providerRefundId: { type: String },
    failureMessage: { type: String },
    /** The payment's refunded total right after this refund (what the event reports). */
    totalRefundedMinor: { type: Number },
    /** When `payment/refund.succeeded` went out: a retry re-sends until it is set. */
    eventSentAt: { type: Date },
  },
  { timestamps: true },
);
refundSchema.index({ paymentId: 1, idempotencyKey: 1 }, { unique: true });
refundSchema.index({ orderId: 1, createdAt: 1 });

export type Refund = InferSchemaType<typeof refundSchema>;
export type RefundDocument = HydratedDocument<Refund>;

export function refundModel(connection: Connection) {
  return connection.model('Refund', refundSchema);
}
