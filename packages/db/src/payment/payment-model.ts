import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { currencyField, minorUnitsField } from '../schema-fields/money-fields';

/**
 * Where a payment stands. Card payments follow Stripe's PaymentIntent (`requires_payment` until the
 * shopper confirms, `requires_action` during 3-D Secure, `processing` while the bank answers); a
 * cash-on-delivery payment waits in `pending_collection` until the order is delivered.
 * `succeeded`, `failed` and `canceled` are final.
 */
export const paymentStatuses = [
  'requires_payment',
  'requires_action',
  'processing',
  'succeeded',
  'failed',
  'canceled',
  'pending_collection',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** Statuses a payment never leaves. */
export const finalPaymentStatuses: readonly PaymentStatus[] = ['succeeded', 'failed', 'canceled'];

export const paymentProviders = ['stripe', 'test', 'cash'] as const;
export type PaymentProviderName = (typeof paymentProviders)[number];

export const paymentMethods = ['card', 'cash_on_delivery'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentSchema = new Schema(
  {
    /**
     * The order this pays (the order's id). New payments use the same value as their own `_id`, so
     * two concurrent starts for one order collide on `_id` (enforced by every MongoDB-compatible
     * server) instead of creating two payments. Absent on payments seeded before orders had ids.
     */
    orderId: { type: String },
    orderNumber: { type: String, required: true },
    provider: { type: String, enum: paymentProviders },
    method: { type: String, enum: paymentMethods },
    /** The provider's id for this payment (Stripe's PaymentIntent id, `pi_...`). */
    providerPaymentId: { type: String },
    status: { type: String, enum: paymentStatuses, required: true, default: 'requires_payment' },
    /** What the order costs, from the order cell (never from the browser). */
    amountMinor: minorUnitsField(),
    /** What the provider actually took (0 until the payment succeeds or cash is collected). */
    capturedMinor: { ...minorUnitsField(), default: 0 },
    refundedMinor: { ...minorUnitsField(), default: 0 },
    /**
     * capturedMinor − refundedMinor, kept as its own field so a refund can reserve its amount with
     * one conditional `$inc` (`refundableMinor >= amount` in the filter): concurrent refunds can
     * never together exceed what was captured.
     */
    refundableMinor: { ...minorUnitsField(), default: 0 },
    currency: currencyField(),
    /** Only what a receipt shows; the card number and CVC are never stored. */
    card: {
      type: new Schema(
        { brand: { type: String, required: true }, last4: { type: String, required: true } },
        { _id: false },
      ),
    },
    /** Why the payment failed: Stripe's decline code and a sentence for the shopper. */
    failure: {
      type: new Schema(
        { code: { type: String, required: true }, message: { type: String, required: true } },
        { _id: false },
      ),
    },
    /**
     * The test processor's own client secret (Stripe keeps its PaymentIntent secrets itself): it
     * authorises the shopper's browser to confirm this one payment.
     */
    clientSecret: { type: String },
    /** When `payment.succeeded`/`payment.failed` went out: a redelivery re-sends until it is set. */
    outcomeEventSentAt: { type: Date },
    /**
     * The W3C trace context of the checkout that created the payment: its outcome event, sent
     * later from another request (the shopper's confirmation, Stripe's webhook), continues that
     * trace, so one checkout is one trace (issue 16).
     */
    traceparent: { type: String },
    /** The paying account, absent for guests. */
    accountId: { type: Schema.Types.ObjectId },
    /**
     * What the payment provider was given about the payer (personal data): dropped when the
     * account is deleted, leaving amounts, status and provider ids for the books.
     */
    billingDetails: {
      type: new Schema(
        {
          name: { type: String, trim: true },
          email: { type: String, trim: true, lowercase: true },
        },
        { _id: false },
      ),
    },
    /** Sent to the processor with the first call (`order-<orderId>-intent`), so retries never charge twice. */
    idempotencyKey: { type: String, required: true },
  },
  { timestamps: true },
);
paymentSchema.index({ idempotencyKey: 1 }, { unique: true });
paymentSchema.index({ orderId: 1 }, { sparse: true });
paymentSchema.index({ providerPaymentId: 1 }, { sparse: true });
paymentSchema.index({ orderNumber: 1, createdAt: -1 });
paymentSchema.index({ accountId: 1 }, { sparse: true });

export type Payment = InferSchemaType<typeof paymentSchema>;
export type PaymentDocument = HydratedDocument<Payment>;

export function paymentModel(connection: Connection) {
  return connection.model('Payment', paymentSchema);
}
