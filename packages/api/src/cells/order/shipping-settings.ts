import {
  checkoutSettingsKey,
  defaultCheckoutSettings,
  type ShippingMethodSetting,
} from '@shop/db/order';
import { orderDatabase } from './database';
import type { ShippingMethodOption } from './views';

export interface CheckoutSettings {
  shippingMethods: ShippingMethodOption[];
  /** Country code -> basis points, for every country the shop delivers to. */
  taxRates: Map<string, number>;
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
 * The shipping methods and tax rates staff saved, else the defaults. A country without a saved
 * rate falls back to its default rate, so adding a country to the address rules never makes its
 * tax silently 0 unless staff said so.
 */
export async function loadCheckoutSettings(): Promise<CheckoutSettings> {
  const { ShopSettings } = await orderDatabase.models();
  const saved = await ShopSettings.findOne({ key: checkoutSettingsKey }).lean();
  const defaults = defaultCheckoutSettings;
  const shippingMethods =
    saved && saved.shippingMethods.length > 0
      ? saved.shippingMethods.map(toShippingMethod)
      : defaults.shippingMethods.map((method) => toShippingMethod({ ...method }));
  const taxRates = new Map<string, number>(
    defaults.taxRates.map((rate) => [rate.country, rate.taxRateBasisPoints]),
  );
  for (const rate of saved?.taxRates ?? []) taxRates.set(rate.country, rate.taxRateBasisPoints);
  return { shippingMethods, taxRates };
}
