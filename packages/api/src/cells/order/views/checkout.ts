import type { TaxClass } from '@shop/db/order';
import { supportedCountries } from '../../../addresses';
import type { CheckoutSettings } from '../shipping-settings';
import { shopCurrency } from './cart';

/** What checkout answers with (`order.checkoutOptions`, `order.quote`, `order.place`). */

/** One line's tax: its class and rate, its share of the discount, the tax (contained or added). */
export interface LineTax {
  sku: string;
  taxClass: TaxClass;
  taxRateBasisPoints: number;
  discountMinor: number;
  taxMinor: number;
}

export interface Totals {
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  /** Σ lineTaxes' taxMinor + shippingTaxMinor: contained in the total, or added to it. */
  taxMinor: number;
  /** Shipping's tax, at the destination's standard rate. */
  shippingTaxMinor: number;
  /** The destination's standard rate. */
  taxRateBasisPoints: number;
  /** True: the prices include the tax ("incl. VAT"); false: it is added ("excl. tax"). */
  pricesIncludeTax: boolean;
  lineTaxes: LineTax[];
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
  /** The store's tax mode: prices include tax (EU) or tax is added at checkout (US). */
  pricesIncludeTax: boolean;
  shippingMethods: ShippingMethodOption[];
  /** `taxRateBasisPoints` is the standard rate; the reduced and zero classes' rates beside it. */
  countries: {
    code: string;
    name: string;
    taxRateBasisPoints: number;
    reducedRateBasisPoints: number;
    zeroRateBasisPoints: number;
  }[];
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
    pricesIncludeTax: settings.pricesIncludeTax,
    shippingMethods: settings.shippingMethods,
    countries: supportedCountries.map((country) => {
      const rates = settings.taxRates.get(country.code);
      return {
        code: country.code,
        name: country.name,
        taxRateBasisPoints: rates?.standard ?? 0,
        reducedRateBasisPoints: rates?.reduced ?? 0,
        zeroRateBasisPoints: rates?.zero ?? 0,
      };
    }),
    paymentMethods: [
      { id: 'card', label: 'Card' },
      { id: 'cash_on_delivery', label: 'Cash on delivery' },
    ],
  };
}
