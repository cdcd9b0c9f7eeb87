import type { TaxClass } from '@shop/db/order';

/**
 * What the order cell's cart procedures answer with (the contract the storefront renders).
 * Money is integer minor units in `currency`.
 */

export type CartLineState = 'ok' | 'low_stock' | 'out_of_stock' | 'unavailable';

export interface CartLine {
  sku: string;
  productId: string;
  slug: string;
  name: string;
  variantLabel: string;
  imageUrl?: string;
  imageAlt?: string;
  unitPriceMinor: number;
  compareAtMinor?: number;
  quantity: number;
  lineTotalMinor: number;
  /** The product's tax class (from the product cell's SKU details), which checkout taxes it by. */
  taxClass: TaxClass;
  /** The most the shopper may ask for now: min(99, units available); 0 when sold out. */
  maxQuantity: number;
  state: CartLineState;
}

export type CartNoticeKind =
  'price_changed' | 'quantity_reduced' | 'out_of_stock' | 'unavailable' | 'discount_removed';

export interface CartNotice {
  sku?: string;
  kind: CartNoticeKind;
  /** A sentence for the shopper. */
  message: string;
}

export interface CartDiscount {
  code: string;
  description: string;
  amountMinor: number;
}

export interface CartView {
  lines: CartLine[];
  /** Units in the cart, every line counted. */
  itemCount: number;
  /** Σ lineTotalMinor of the lines that can be bought (sold-out and unavailable lines excluded). */
  subtotalMinor: number;
  currency: string;
  discount?: CartDiscount;
  notices: CartNotice[];
}

/** The shop sells in one currency (the catalog is EUR only). */
export const shopCurrency = 'EUR';

export function emptyCartView(): CartView {
  return { lines: [], itemCount: 0, subtotalMinor: 0, currency: shopCurrency, notices: [] };
}
