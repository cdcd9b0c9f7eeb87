import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/**
 * One refresh token of a sign-in session. Only the SHA-256 of the token is stored. Every use
 * rotates it: the used one gets `usedAt` and a successor joins the same `familyId`; presenting a
 * used token again revokes the whole family (someone else holds a copy).
 */
export const refreshTokenSchema = new Schema(
  {
    /** Hex SHA-256 of the opaque token. */
    hash: { type: String, required: true },
    /** Shared by every token rotated from one sign-in; the access token carries it as `sid`. */
    familyId: { type: String, required: true },
    accountId: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
refreshTokenSchema.index({ hash: 1 }, { unique: true });
refreshTokenSchema.index({ familyId: 1 });
refreshTokenSchema.index({ accountId: 1, revokedAt: 1 });
// The published list of recently revoked sessions reads revoked tokens by time (only revoked
// tokens are indexed; a query for `revokedAt > t` implies the filter).
refreshTokenSchema.index(
  { revokedAt: 1 },
  { partialFilterExpression: { revokedAt: { $gt: new Date(0) } } },
);
// A real MongoDB drops tokens a day after they expire (kept a while for reuse detection logs).
refreshTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 24 * 60 * 60 });

export type RefreshToken = InferSchemaType<typeof refreshTokenSchema>;
export type RefreshTokenDocument = HydratedDocument<RefreshToken>;

export function refreshTokenModel(connection: Connection) {
  return connection.model('RefreshToken', refreshTokenSchema);
}
