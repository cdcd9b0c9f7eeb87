/**
 * What the user cell's procedures answer, for the apps (re-exported type-only by
 * `@shop/api/client`). No runtime imports: browser bundles must not pull in the server.
 */
import type { SupportedCurrency, SupportedLanguage } from '@shop/db/user';

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

/** `user.supportedCountries` items. */
export interface CountryInfo {
  code: string;
  name: string;
  postcodeExample: string;
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
