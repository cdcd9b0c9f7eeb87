/**
 * What the order cell's cart and checkout procedures answer with (the contract the storefront
 * renders). Money is integer minor units in `currency`.
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

/** The shop sells in one currency (the catalog is EUR only). */
export const shopCurrency = 'EUR';
