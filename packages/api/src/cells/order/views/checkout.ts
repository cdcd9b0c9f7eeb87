import { supportedCountries } from '../../../addresses';
import type { CheckoutSettings } from '../shipping-settings';
import { shopCurrency } from './cart';

/** What checkout answers with (`order.checkoutOptions`, `order.quote`, `order.place`). */

export interface Totals {
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxRateBasisPoints: number;
  totalMinor: number;
  currency: string;
}

export interface ShippingMethodOption {
  id: string;
  name: string;
  description: string;
  priceMinor: number;
  freeOverMinor?: number;
  minDays: number;
  maxDays: number;
}

export interface CheckoutOptions {
  currency: string;
  shippingMethods: ShippingMethodOption[];
  countries: { code: string; name: string; taxRateBasisPoints: number }[];
  paymentMethods: { id: 'card' | 'cash_on_delivery'; label: string }[];
}

export interface PlacedOrder {
  orderId: string;
  number: string;
  status: string;
  /** Guests only, and only in the answer that created the order: opens the order later. */
  guestAccessToken?: string;
}

export function checkoutOptionsFrom(settings: CheckoutSettings): CheckoutOptions {
  return {
    currency: shopCurrency,
    shippingMethods: settings.shippingMethods,
    countries: supportedCountries.map((country) => ({
      code: country.code,
      name: country.name,
      taxRateBasisPoints: settings.taxRates.get(country.code) ?? 0,
    })),
    paymentMethods: [
      { id: 'card', label: 'Card' },
      { id: 'cash_on_delivery', label: 'Cash on delivery' },
    ],
  };
}
