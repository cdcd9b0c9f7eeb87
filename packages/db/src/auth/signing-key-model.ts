import { type JsonWebKey } from 'node:crypto';
import {
  type Connection,
  type HydratedDocument,
  type InferSchemaType,
  type Model,
  Schema,
} from 'mongoose';

export const signingKeyStatuses = ['active', 'retired'] as const;
export type SigningKeyStatus = (typeof signingKeyStatuses)[number];

/**
 * Keys that sign access tokens. A key signs from `activatesAt` (set a little in the future on
 * rotation, so every replica publishes it before anyone signs with it) until `retiredAt`; it stays
 * published until the tokens it signed have expired, so they still verify.
 */
export const signingKeySchema = new Schema(
  {
    kid: { type: String, required: true },
    alg: { type: String, required: true, default: 'RS256' },
    publicJwk: { type: Schema.Types.Mixed, required: true },
    privateJwk: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: signingKeyStatuses, required: true, default: 'active' },
    /** Absent on keys created before rotation existed: they sign from `createdAt`. */
    activatesAt: { type: Date, default: null },
    /** When a newer key took over; null while current. */
    retiredAt: { type: Date, default: null },
  },
  { timestamps: true },
);
signingKeySchema.index({ kid: 1 }, { unique: true });
signingKeySchema.index({ status: 1, createdAt: -1 });

/** Mixed paths infer as `any`; a JWK is what they hold (as from `KeyObject.export({ format: 'jwk' })`). */
export type SigningKey = Omit<
  InferSchemaType<typeof signingKeySchema>,
  'publicJwk' | 'privateJwk'
> & {
  publicJwk: JsonWebKey;
  privateJwk: JsonWebKey;
};
export type SigningKeyDocument = HydratedDocument<SigningKey>;

export function signingKeyModel(connection: Connection): Model<SigningKey> {
  return connection.model<SigningKey>('SigningKey', signingKeySchema);
}
