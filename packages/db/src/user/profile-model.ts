import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { currencyField } from '../schema-fields/money-fields';

export const profileSchema = new Schema(
  {
    /** The auth domain's Account id; a reference by value, never a cross-database populate. */
    accountId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true, trim: true },
    phone: { type: String, trim: true },
    preferences: {
      type: new Schema(
        {
          marketingConsent: { type: Boolean, required: true, default: false },
          language: { type: String, required: true, default: 'en' },
          currency: { ...currencyField(), default: 'EUR' },
        },
        { _id: false },
      ),
      required: true,
      default: () => ({}),
    },
  },
  { timestamps: true },
);
profileSchema.index({ accountId: 1 }, { unique: true });

export type Profile = InferSchemaType<typeof profileSchema>;
export type ProfileDocument = HydratedDocument<Profile>;

export function profileModel(connection: Connection) {
  return connection.model('Profile', profileSchema);
}
