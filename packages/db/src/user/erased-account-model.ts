import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/**
 * Accounts whose personal data the user cell erased. Only the bare account id is kept: access
 * tokens stay valid for up to 15 minutes after deletion, and a registration event may be
 * retried late, so without this record a deleted account's profile would be created again on
 * its next read. The id identifies no one once the account and its data are gone.
 */
export const erasedAccountSchema = new Schema(
  {
    accountId: { type: Schema.Types.ObjectId, required: true },
    erasedAt: { type: Date, required: true },
  },
  { timestamps: false },
);
erasedAccountSchema.index({ accountId: 1 }, { unique: true });

export type ErasedAccount = InferSchemaType<typeof erasedAccountSchema>;
export type ErasedAccountDocument = HydratedDocument<ErasedAccount>;

export function erasedAccountModel(connection: Connection) {
  return connection.model('ErasedAccount', erasedAccountSchema);
}
