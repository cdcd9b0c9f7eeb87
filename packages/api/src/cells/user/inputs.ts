import {
  addressLimits,
  customerNoteLimits,
  profileLimits,
  supportedCurrencies,
  supportedLanguages,
} from '@shop/db/user';
import { z } from 'zod';
import { paginationInput } from '../../trpc/pagination';
import { countryCodeInput, phoneInput, withCheckedPostcode } from '../../addresses/address-input';
import { requiredShownText, shownParagraphs, shownText } from '../../text-input/shown-text';
import { objectIdTextPattern } from '../../ids/object-id-text';

/**
 * Input schemas of the user cell. Objects are strict (an unknown key is a 400, not silently
 * dropped) and every string is typed and capped, so operator-shaped values such as
 * `{"$gt": ""}` never reach a query.
 */

export const objectIdInput = z
  .string()
  .regex(objectIdTextPattern, { error: 'not a valid id' })
  .transform((id) => id.toLowerCase());

/** An https URL of an image, or '' for none; `http:`, `javascript:` and credentials are refused. */
const avatarUrlInput = z
  .string()
  .trim()
  .max(profileLimits.avatarUrl, { error: `at most ${profileLimits.avatarUrl} characters` })
  .refine(
    (value) => {
      if (value === '') return true;
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return url.protocol === 'https:' && !url.username && !url.password && url.hostname !== '';
    },
    { error: 'must be an https:// URL' },
  );

export const updateProfileInput = z.strictObject({
  name: requiredShownText(profileLimits.name).optional(),
  /** `null` or an empty string removes the phone. */
  phone: phoneInput.nullable().optional(),
  /** `null` or an empty string removes the avatar. */
  avatarUrl: avatarUrlInput.nullable().optional(),
});
export type UpdateProfileInput = z.output<typeof updateProfileInput>;

export const updatePreferencesInput = z.strictObject({
  marketingConsent: z.boolean().optional(),
  language: z.enum(supportedLanguages, { error: 'not a language the shop offers' }).optional(),
  currency: z.enum(supportedCurrencies, { error: 'not a currency the shop offers' }).optional(),
});
export type UpdatePreferencesInput = z.output<typeof updatePreferencesInput>;

/** The fields of an address, before the postcode is checked against its country. */
const addressFieldsShape = {
  name: requiredShownText(addressLimits.name),
  line1: requiredShownText(addressLimits.line),
  line2: shownText(addressLimits.line),
  city: requiredShownText(addressLimits.city),
  region: shownText(addressLimits.region),
  // Room for spacing and prefixes ("SE-114 55") that normalising removes.
  postcode: requiredShownText(addressLimits.postcode + 4),
  country: countryCodeInput,
  phone: phoneInput,
};

/** A complete address: what `addAddress` takes, and what an update must add up to. */
export const addAddressInput = z
  .strictObject({
    ...addressFieldsShape,
    line2: addressFieldsShape.line2.default(''),
    region: addressFieldsShape.region.default(''),
    phone: addressFieldsShape.phone.default(''),
  })
  .transform(withCheckedPostcode);
export type AddAddressInput = z.output<typeof addAddressInput>;

/** Every field optional; the postcode is checked once merged with the stored address. */
export const updateAddressInput = z.strictObject({
  id: objectIdInput,
  ...z.strictObject(addressFieldsShape).partial().shape,
});
export type UpdateAddressInput = z.output<typeof updateAddressInput>;

export const removeAddressInput = z.strictObject({ id: objectIdInput });
export type RemoveAddressInput = z.output<typeof removeAddressInput>;

export const setDefaultAddressInput = z.strictObject({
  id: objectIdInput,
  kind: z.enum(['shipping', 'billing']),
});
export type SetDefaultAddressInput = z.output<typeof setDefaultAddressInput>;

export const listCustomersInput = z.strictObject({
  q: z.string().trim().max(100, { error: 'at most 100 characters' }).optional(),
  ...paginationInput,
});
export type ListCustomersInput = z.output<typeof listCustomersInput>;

export const getCustomerInput = z.strictObject({ accountId: objectIdInput });
export type GetCustomerInput = z.output<typeof getCustomerInput>;

export const updateCustomerInput = updateProfileInput.extend({ accountId: objectIdInput });
export type UpdateCustomerInput = z.output<typeof updateCustomerInput>;

export const customerNotesInput = z.strictObject({ accountId: objectIdInput });
export type CustomerNotesInput = z.output<typeof customerNotesInput>;

export const addCustomerNoteInput = z.strictObject({
  accountId: objectIdInput,
  body: shownParagraphs(customerNoteLimits.body).refine((value) => value !== '', {
    error: 'required',
  }),
  /** One per note the form writes (a UUID): a retried save stores one note. */
  requestKey: z.uuid({ error: 'must be a UUID' }),
});
export type AddCustomerNoteInput = z.output<typeof addCustomerNoteInput>;
