import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { accountRoles } from './roles';

export const accountSchema = new Schema(
  {
    /** Stored lowercased so sign-in and the unique index ignore case. */
    email: { type: String, required: true, trim: true, lowercase: true },
    /** bcrypt hash; the password itself is never stored. Null once the account is deleted. */
    passwordHash: { type: String, default: null },
    name: { type: String, required: true, trim: true },
    roles: { type: [String], enum: accountRoles, default: ['customer'] },
    /** Set when the owner proved they read mail at `email` (or by the demo seed). */
    emailVerifiedAt: { type: Date, default: null },
    /** Set when the owner deleted the account: email and name are anonymised, no password. */
    deletedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
accountSchema.index({ email: 1 }, { unique: true });

export type Account = InferSchemaType<typeof accountSchema>;
export type AccountDocument = HydratedDocument<Account>;

export function accountModel(connection: Connection) {
  return connection.model('Account', accountSchema);
}
