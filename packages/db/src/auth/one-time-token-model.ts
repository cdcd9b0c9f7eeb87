import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

export const oneTimeTokenPurposes = ['password-reset', 'email-verification'] as const;
export type OneTimeTokenPurpose = (typeof oneTimeTokenPurposes)[number];

/** A single-use token sent by email (password reset, email verification); only its hash is kept. */
export const oneTimeTokenSchema = new Schema(
  {
    /** Hex SHA-256 of the token in the emailed link. */
    hash: { type: String, required: true },
    purpose: { type: String, enum: oneTimeTokenPurposes, required: true },
    accountId: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
oneTimeTokenSchema.index({ hash: 1 }, { unique: true });
oneTimeTokenSchema.index({ accountId: 1, purpose: 1 });
oneTimeTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 24 * 60 * 60 });

export type OneTimeToken = InferSchemaType<typeof oneTimeTokenSchema>;
export type OneTimeTokenDocument = HydratedDocument<OneTimeToken>;

export function oneTimeTokenModel(connection: Connection) {
  return connection.model('OneTimeToken', oneTimeTokenSchema);
}
