import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/**
 * A device that signed in to an account successfully: by the device token the apps keep after a
 * sign-in (`kind: 'token'`) or by the client address it came from (`kind: 'address'`). While an
 * account's sign-ins are throttled across all addresses, a known device is still let in to try
 * its password. Only hashes are stored: `sha256('token:<token>')` or
 * `sha256('address:<accountId>:<ip>')`.
 */
export const knownDeviceSchema = new Schema(
  {
    hash: { type: String, required: true },
    accountId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['token', 'address'], required: true },
    /** Renewed at each successful sign-in from the device. */
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true },
);
knownDeviceSchema.index({ hash: 1 }, { unique: true });
knownDeviceSchema.index({ accountId: 1 });
knownDeviceSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type KnownDevice = InferSchemaType<typeof knownDeviceSchema>;
export type KnownDeviceDocument = HydratedDocument<KnownDevice>;

export function knownDeviceModel(connection: Connection) {
  return connection.model('KnownDevice', knownDeviceSchema);
}
