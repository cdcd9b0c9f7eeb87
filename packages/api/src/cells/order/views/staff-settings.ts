import type { StoredDiscountCode } from '../discounts';
import { describeDiscount } from '../discounts';
import type { CheckoutSettings } from '../shipping-settings';
import { shopCurrency } from './cart';
import type { ShippingMethodOption } from './checkout';

/** What staff see of discount codes, shipping methods and tax rates. */

export interface DiscountCodeView {
  id: string;
  code: string;
  kind: 'percentage' | 'fixed';
  value: number;
  minSpendMinor: number;
  startsAt?: string;
  expiresAt?: string;
  usageLimit?: number;
  perCustomerLimit?: number;
  active: boolean;
  usedCount: number;
  /** e.g. "10% off orders of €50.00 or more". */
  description: string;
}

export interface ShippingSettingsView {
  pricesIncludeTax: boolean;
  shippingMethods: ShippingMethodOption[];
  /** Per country: the standard rate (also shipping's), the reduced and the zero class's rates. */
  taxRates: {
    country: string;
    taxRateBasisPoints: number;
    reducedRateBasisPoints: number;
    zeroRateBasisPoints: number;
  }[];
}

export function toDiscountCodeView(code: StoredDiscountCode): DiscountCodeView {
  return {
    id: code._id.toString(),
    code: code.code,
    kind: code.kind,
    value: code.value,
    minSpendMinor: code.minSpendMinor ?? 0,
    ...(code.startsAt && { startsAt: code.startsAt.toISOString() }),
    ...(code.expiresAt && { expiresAt: code.expiresAt.toISOString() }),
    ...(code.usageLimit != null && { usageLimit: code.usageLimit }),
    ...(code.perCustomerLimit != null && { perCustomerLimit: code.perCustomerLimit }),
    active: code.active,
    usedCount: code.usedCount,
    description: describeDiscount(code, shopCurrency),
  };
}

export function toShippingSettingsView(settings: CheckoutSettings): ShippingSettingsView {
  return {
    pricesIncludeTax: settings.pricesIncludeTax,
    shippingMethods: settings.shippingMethods,
    taxRates: [...settings.taxRates]
      .map(([country, rates]) => ({
        country,
        taxRateBasisPoints: rates.standard,
        reducedRateBasisPoints: rates.reduced,
        zeroRateBasisPoints: rates.zero,
      }))
      .sort((a, b) => a.country.localeCompare(b.country)),
  };
}
