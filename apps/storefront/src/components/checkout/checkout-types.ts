import type { RouterInputs, RouterOutputs } from '@shop/api/client';

export type CheckoutOptions = RouterOutputs['order']['checkoutOptions'];
export type ShippingMethod = CheckoutOptions['shippingMethods'][number];
export type Totals = RouterOutputs['order']['quote'];
export type SavedAddress = RouterOutputs['user']['listAddresses']['items'][number];
export type PaymentMethodId = CheckoutOptions['paymentMethods'][number]['id'];

/** What "Place order" sends (`order.place`). */
export type PlaceOrderInput = RouterInputs['order']['place'];

/** The shipping address fields of `order.place` as the checkout form keeps them: strings, as typed. */
export type AddressInput = Record<keyof Required<PlaceOrderInput['shippingAddress']>, string>;

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
