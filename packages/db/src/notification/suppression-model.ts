import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/** Why an address gets no more marketing mail. */
export const suppressionReasons = ['hard-bounce', 'complaint'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

/** Who told us: our own SMTP send (a permanent refusal) or the provider's report. */
export const suppressionSources = ['smtp', 'provider-report'] as const;
export type SuppressionSource = (typeof suppressionSources)[number];

/**
 * An address marketing mail must not go to: it bounced for good or its owner complained. One per
 * address; a later bounce or complaint updates it. Transactional mail still goes (a receipt
 * must reach a shopper who complained about a newsletter).
 */
export const suppressionSchema = new Schema(
  {
    email: { type: String, required: true, trim: true, lowercase: true },
    reason: { type: String, enum: suppressionReasons, required: true },
    source: { type: String, enum: suppressionSources, required: true },
    /** The SMTP reply or the provider's diagnostic, shortened; never credentials. */
    detail: { type: String, default: null },
    /** The message that bounced, when we know it. */
    messageId: { type: String, default: null },
    suppressedAt: { type: Date, required: true },
    /** How many bounces and complaints were reported for the address. */
    count: { type: Number, required: true, default: 1, min: 1 },
  },
  { timestamps: true },
);
suppressionSchema.index({ email: 1 }, { unique: true });
suppressionSchema.index({ suppressedAt: -1 });

export type Suppression = InferSchemaType<typeof suppressionSchema>;
export type SuppressionDocument = HydratedDocument<Suppression>;

export function suppressionModel(connection: Connection) {
  return connection.model('Suppression', suppressionSchema);
}
