import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { currencyField, minorUnitsField } from '../schema-fields/money-fields';

export const paymentStatuses = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const paymentSchema = new Schema(
  {
    orderNumber: { type: String, required: true },
    amountMinor: minorUnitsField(),
    currency: currencyField(),
    status: { type: String, enum: paymentStatuses, required: true, default: 'pending' },
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
    /** One payment per saga attempt: the same key is sent to the processor, so retries never charge twice. */
    idempotencyKey: { type: String, required: true },
  },
  { timestamps: true },
);
paymentSchema.index({ idempotencyKey: 1 }, { unique: true });
paymentSchema.index({ orderNumber: 1, createdAt: -1 });
paymentSchema.index({ accountId: 1 }, { sparse: true });

export type Payment = InferSchemaType<typeof paymentSchema>;
export type PaymentDocument = HydratedDocument<Payment>;

export function paymentModel(connection: Connection) {
  return connection.model('Payment', paymentSchema);
}
