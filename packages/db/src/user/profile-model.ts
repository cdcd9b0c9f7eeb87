import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { defaultPreferences, supportedCurrencies, supportedLanguages } from './preferences';

/** Length caps shared with the user cell's input validation. */
export const profileLimits = { name: 100, email: 254, phone: 20, avatarUrl: 500 } as const;

export const profileSchema = new Schema(
  {
    /** The auth domain's Account id; a reference by value, never a cross-database populate. */
    accountId: { type: Schema.Types.ObjectId, required: true },
    /**
     * A copy of the account's email, so staff can find a customer by it without asking the auth
     * cell for every row. Auth stays the source of truth; deleting the account deletes this.
     */
    email: { type: String, trim: true, lowercase: true, maxlength: profileLimits.email },
    name: { type: String, required: true, trim: true, maxlength: profileLimits.name },
    /** E.164 (`+31201234567`), normalised by the user cell. */
    phone: { type: String, trim: true, maxlength: profileLimits.phone },
    /** https only; the storefront shows it as an image. */
    avatarUrl: { type: String, trim: true, maxlength: profileLimits.avatarUrl },
    preferences: {
      type: new Schema(
        {
          marketingConsent: {
            type: Boolean,
            required: true,
            default: defaultPreferences.marketingConsent,
          },
          language: {
            type: String,
            required: true,
            enum: supportedLanguages,
            default: defaultPreferences.language,
          },
          currency: {
            type: String,
            required: true,
            enum: supportedCurrencies,
            default: defaultPreferences.currency,
          },
        },
        { _id: false },
      ),
      required: true,
      default: () => ({}),
    },
    /**
     * The default addresses are ids held here rather than flags on the addresses: switching the
     * default is then one single-document write, so two concurrent switches can never leave two
     * defaults (there are no multi-document transactions to lean on).
     */
    defaultShippingAddressId: { type: Schema.Types.ObjectId, default: null },
    defaultBillingAddressId: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
profileSchema.index({ accountId: 1 }, { unique: true });
// Staff customer list: newest first.
profileSchema.index({ createdAt: -1 });

export type Profile = InferSchemaType<typeof profileSchema>;
export type ProfileDocument = HydratedDocument<Profile>;

export function profileModel(connection: Connection) {
  return connection.model('Profile', profileSchema);
}
