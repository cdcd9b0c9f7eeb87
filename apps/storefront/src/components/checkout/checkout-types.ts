import type { RouterOutputs } from '@shop/api/client';

export type CheckoutOptions = RouterOutputs['order']['checkoutOptions'];
export type ShippingMethod = CheckoutOptions['shippingMethods'][number];
export type Totals = RouterOutputs['order']['quote'];
export type SavedAddress = RouterOutputs['user']['listAddresses']['items'][number];
export type PaymentMethodId = CheckoutOptions['paymentMethods'][number]['id'];

/** The shipping address fields as the checkout form keeps them (strings, as typed). */
export interface AddressInput {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
  phone: string;
}

export const addressFieldNames = [
  'name',
  'line1',
  'line2',
  'city',
  'region',
  'postcode',
  'country',
  'phone',
] as const satisfies readonly (keyof AddressInput)[];

/** What the checkout's "Place order" server action answers. */
export type PlaceOrderResult =
  | { status: 'placed'; orderId: string; number: string; next: string }
  /** 400: errors by field (`email`, `postcode`…) and/or one message for the form. */
  | { status: 'invalid'; message?: string; fieldErrors: Partial<Record<string, string>> }
  /** CONFLICT: nothing was placed (the cart or its totals changed, or something is sold out). */
  | { status: 'cart_changed'; message: string }
  /** Anything else (an outage, a lost answer): sending again with the same key is safe. */
  | { status: 'error'; message: string };
