/**
 * What the user cell's procedures answer, for the apps (re-exported type-only by
 * `@shop/api/client`), and the functions that make it from stored documents. Type-only imports:
 * browser bundles must not pull in the server.
 */
import type {
  Address,
  CustomerNote,
  Profile,
  SupportedCurrency,
  SupportedLanguage,
} from '@shop/db/user';
import type { Types } from 'mongoose';

/** `user.getProfile`, `user.updateProfile`, `user.updatePreferences`. */
export interface ProfileView {
  accountId: string;
  name: string;
  /** E.164, e.g. `+31612345678`. */
  phone: string | null;
  /** Always https. */
  avatarUrl: string | null;
  preferences: {
    marketingConsent: boolean;
    language: SupportedLanguage;
    currency: SupportedCurrency;
  };
}

/** One address (`user.listAddresses` items, `user.addAddress`, `user.updateAddress`). */
export interface AddressView {
  id: string;
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  /** Normalised for its country: `1234 AB`, `SW1A 1AA`, `94105`. */
  postcode: string;
  /** ISO 3166-1 alpha-2, one of `user.supportedCountries`. */
  country: string;
  /** E.164, or '' when none. */
  phone: string;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
}

export type AddressKind = 'shipping' | 'billing';

/** `user.listAddresses`, `user.removeAddress`, `user.setDefaultAddress`. */
export interface AddressList {
  items: AddressView[];
}

/** `user.supportedCountries` items. */
export interface CountryInfo {
  code: string;
  name: string;
  postcodeExample: string;
}

/** `user.supportedCountries`. */
export interface CountryList {
  items: readonly CountryInfo[];
}

/** A customer as staff see them: the profile plus the email it was registered with. */
export interface CustomerSummary extends ProfileView {
  email: string | null;
  /** ISO 8601. */
  createdAt: string;
}

/** `user.listCustomers`. */
export interface CustomerPage {
  items: CustomerSummary[];
  page: number;
  pageSize: number;
  totalCount: number;
  hasMore: boolean;
}

/** `user.getCustomer`, `user.updateCustomer`. */
export interface CustomerDetail {
  profile: CustomerSummary;
  addresses: AddressView[];
}

export type StoredProfile = Profile & { _id: Types.ObjectId };
export type StoredAddress = Address & { _id: Types.ObjectId };
/** The profile's default address ids, which the address views' flags are read from. */
export type AddressDefaults = Pick<Profile, 'defaultShippingAddressId' | 'defaultBillingAddressId'>;

export function toProfileView(profile: StoredProfile): ProfileView {
  return {
    accountId: profile.accountId.toHexString(),
    name: profile.name,
    phone: profile.phone || null,
    avatarUrl: profile.avatarUrl || null,
    preferences: {
      marketingConsent: profile.preferences.marketingConsent,
      language: profile.preferences.language as SupportedLanguage,
      currency: profile.preferences.currency as SupportedCurrency,
    },
  };
}

export function toAddressView(
  address: StoredAddress,
  defaults: AddressDefaults | null,
): AddressView {
  return {
    id: address._id.toHexString(),
    name: address.name,
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city,
    region: address.region ?? '',
    postcode: address.postcode,
    country: address.country,
    phone: address.phone ?? '',
    isDefaultShipping: defaults?.defaultShippingAddressId?.equals(address._id) ?? false,
    isDefaultBilling: defaults?.defaultBillingAddressId?.equals(address._id) ?? false,
  };
}

export function toCustomerSummary(profile: StoredProfile & { createdAt: Date }): CustomerSummary {
  return {
    ...toProfileView(profile),
    email: profile.email ?? null,
    createdAt: profile.createdAt.toISOString(),
  };
}

/** `user.customerNotes`, `user.addCustomerNote`: one note staff keep about a customer. */
export interface CustomerNoteView {
  id: string;
  body: string;
  /** The author's name when they wrote it, or their email when they had none. */
  author: string;
  /** ISO 8601. */
  createdAt: string;
}

export type StoredCustomerNote = CustomerNote & { _id: Types.ObjectId; createdAt: Date };

export function toCustomerNoteView(note: StoredCustomerNote): CustomerNoteView {
  return {
    id: note._id.toString(),
    body: note.body,
    author: note.author?.name || note.author?.email || 'Unknown',
    createdAt: note.createdAt.toISOString(),
  };
}
