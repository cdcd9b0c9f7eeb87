import {
  checkoutSettingsKey,
  defaultCheckoutSettings,
  type ShippingMethodSetting,
} from '@shop/db/order';
import { orderDatabase } from './database';
import type { ClassRates } from './totals';
import type { ShippingMethodOption } from './views';

export interface CheckoutSettings {
  /** Prices include tax (EU) or exclude it (US): docs/taxes.md. */
  pricesIncludeTax: boolean;
  shippingMethods: ShippingMethodOption[];
  /** Country code -> each tax class's rate in basis points, for every country the shop delivers to. */
  taxRates: Map<string, ClassRates>;
}

function toShippingMethod(method: ShippingMethodSetting): ShippingMethodOption {
  return {
    id: method.id,
    name: method.name,
    description: method.description ?? '',
    priceMinor: method.priceMinor,
    ...(method.freeOverMinor != null && { freeOverMinor: method.freeOverMinor }),
    minDays: method.minDays,
    maxDays: method.maxDays,
  };
}

/**
 * The tax mode, shipping methods and tax rates staff saved, else the defaults. A country without a
 * saved rate falls back to its default rates (as does a saved country's missing reduced rate, from
 * before tax classes), so adding a country to the address rules never makes its tax silently 0
 * unless staff said so.
 */
export async function loadCheckoutSettings(): Promise<CheckoutSettings> {
  const { ShopSettings } = await orderDatabase.models();
  const saved = await ShopSettings.findOne({ key: checkoutSettingsKey }).lean();
  const defaults = defaultCheckoutSettings;
  const shippingMethods =
    saved && saved.shippingMethods.length > 0
      ? saved.shippingMethods.map(toShippingMethod)
      : defaults.shippingMethods.map((method) => toShippingMethod({ ...method }));
  const taxRates = new Map<string, ClassRates>(
    defaults.taxRates.map((rate) => [
      rate.country,
      {
        standard: rate.taxRateBasisPoints,
        reduced: rate.reducedRateBasisPoints,
        zero: rate.zeroRateBasisPoints,
      },
    ]),
  );
  for (const rate of saved?.taxRates ?? []) {
    const fallback = taxRates.get(rate.country);
    taxRates.set(rate.country, {
      standard: rate.taxRateBasisPoints,
      reduced: rate.reducedRateBasisPoints ?? fallback?.reduced ?? rate.taxRateBasisPoints,
      zero: rate.zeroRateBasisPoints ?? 0,
    });
  }
  const pricesIncludeTax = saved?.pricesIncludeTax ?? defaults.pricesIncludeTax;
  return { pricesIncludeTax, shippingMethods, taxRates };
}

/** A destination's rates; a country the shop has no rates for is taxed at 0. */
export function ratesFor(settings: CheckoutSettings, country: string): ClassRates {
  return settings.taxRates.get(country) ?? { standard: 0, reduced: 0, zero: 0 };
}
