import { createHash } from 'node:crypto';
import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/** Length caps shared with the user cell's input validation. */
export const addressLimits = {
  name: 100,
  line: 200,
  city: 100,
  region: 100,
  postcode: 12,
  phone: 20,
} as const;

/** The most addresses one account may keep. */
export const maxAddressesPerAccount = 20;

/**
 * One postal address of one account, in its own collection rather than an array on the profile:
 * each address is then updated by its own id, with no positional array updates.
 */
export const addressSchema = new Schema(
  {
    accountId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true, trim: true, maxlength: addressLimits.name },
    line1: { type: String, required: true, trim: true, maxlength: addressLimits.line },
    line2: { type: String, trim: true, default: '', maxlength: addressLimits.line },
    city: { type: String, required: true, trim: true, maxlength: addressLimits.city },
    region: { type: String, trim: true, default: '', maxlength: addressLimits.region },
    /** Normalised by the user cell for its country (upper-case, canonical spacing). */
    postcode: { type: String, required: true, trim: true, maxlength: addressLimits.postcode },
    /** ISO 3166-1 alpha-2, one the user cell supports. */
    country: { type: String, required: true, match: /^[A-Z]{2}$/ },
    phone: { type: String, trim: true, default: '', maxlength: addressLimits.phone },
    /**
     * A digest of the address's fields: adding the same address again (a retried request) finds
     * this one instead of creating a twin. Unique per account on a real MongoDB.
     */
    fingerprint: { type: String, required: true },
  },
  { timestamps: true },
);
addressSchema.index({ accountId: 1, createdAt: 1 });
addressSchema.index({ accountId: 1, fingerprint: 1 }, { unique: true });

export type Address = InferSchemaType<typeof addressSchema>;
export type AddressDocument = HydratedDocument<Address>;

export function addressModel(connection: Connection) {
  return connection.model('Address', addressSchema);
}

/** The fields of an address a person would call "the same address". */
export type AddressFields = Pick<
  Address,
  'name' | 'line1' | 'line2' | 'city' | 'region' | 'postcode' | 'country' | 'phone'
>;

/** Case- and spacing-insensitive digest of an address's fields (see `fingerprint`). */
export function addressFingerprint(fields: AddressFields): string {
  const parts = [
    fields.name,
    fields.line1,
    fields.line2,
    fields.city,
    fields.region,
    fields.postcode,
    fields.country,
    fields.phone,
  ].map((part) => (part ?? '').trim().replace(/\s+/g, ' ').toLowerCase());
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
