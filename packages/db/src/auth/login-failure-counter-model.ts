import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/**
 * Failed sign-ins in one fixed time window for one key (a hashed email or a client address).
 * Kept in auth_db so every auth replica counts the same failures; one document per key and
 * window, so counting is a single atomic `$inc` upsert.
 */
export const loginFailureCounterSchema = new Schema({
  /** e.g. `account:<sha256 of email>:<window>` or `address:<ip>:<window>`. */
  key: { type: String, required: true },
  failures: { type: Number, required: true, default: 0 },
  /** End of the window: the moment the counter stops mattering. */
  expiresAt: { type: Date, required: true },
});
loginFailureCounterSchema.index({ key: 1 }, { unique: true });
loginFailureCounterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type LoginFailureCounter = InferSchemaType<typeof loginFailureCounterSchema>;
export type LoginFailureCounterDocument = HydratedDocument<LoginFailureCounter>;

export function loginFailureCounterModel(connection: Connection) {
  return connection.model('LoginFailureCounter', loginFailureCounterSchema);
}
