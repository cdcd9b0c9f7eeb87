import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/**
 * Sign-in attempts counted for one key (a hashed email, a client address, or the pair of both) in
 * the window that opened at its first counted attempt. Kept in auth_db so every auth replica
 * counts the same failures; one document per key, changed only by single-document atomic updates.
 */
export const loginFailureCounterSchema = new Schema({
  /** `account:<sha256 of email>`, `address:<ip>` or `pair:<sha256 of email>:<ip>`. */
  key: { type: String, required: true },
  failures: { type: Number, required: true, default: 0 },
  /** End of the window: from then on the next attempt starts a new one at 1. */
  expiresAt: { type: Date, required: true },
  /**
   * Account counters only: when the owner was emailed about this window's failed attempts (once
   * per window; a new window starts unset).
   */
  alertedAt: { type: Date, default: null },
});
loginFailureCounterSchema.index({ key: 1 }, { unique: true });
loginFailureCounterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type LoginFailureCounter = InferSchemaType<typeof loginFailureCounterSchema>;
export type LoginFailureCounterDocument = HydratedDocument<LoginFailureCounter>;

export function loginFailureCounterModel(connection: Connection) {
  return connection.model('LoginFailureCounter', loginFailureCounterSchema);
}
