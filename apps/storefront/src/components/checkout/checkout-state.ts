import type {
  AddressInput,
  PaymentMethodId,
  PlaceOrderInput,
  PlaceOrderResult,
  SavedAddress,
} from './checkout-types';

/** The new-address fields before the shopper types anything. */
export const blankAddress: AddressInput = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postcode: '',
  country: '',
  phone: '',
};

/** The address the order ships to: the chosen saved address, or what was typed. */
export function shippingAddressOf(
  saved: SavedAddress | undefined,
  typed: AddressInput,
): AddressInput {
  if (!saved) return typed;
  return {
    name: saved.name,
    line1: saved.line1,
    line2: saved.line2,
    city: saved.city,
    region: saved.region,
    postcode: saved.postcode,
    country: saved.country,
    phone: saved.phone,
  };
}

/**
 * What "Place order" sends: a signed-in shopper's order goes to their account's email (the field
 * is not shown to them), and the total is the one the shopper was shown (the cell refuses the
 * order if its own differs).
 */
export function checkoutSubmission(form: {
  idempotencyKey: string;
  account: { email: string } | null;
  email: string;
  shippingAddress: AddressInput;
  shippingMethodId: string;
  paymentMethod: PaymentMethodId;
  quotedTotalMinor: number;
}): PlaceOrderInput {
  return {
    idempotencyKey: form.idempotencyKey,
    email: form.account?.email ?? form.email,
    shippingAddress: form.shippingAddress,
    shippingMethodId: form.shippingMethodId,
    paymentMethod: form.paymentMethod,
    expectedTotalMinor: form.quotedTotalMinor,
  };
}

/** Whether "Place order" can be pressed. */
export function canPlaceOrder(state: {
  submitting: boolean;
  placed: boolean;
  hasQuote: boolean;
  blockedLines: number;
}): boolean {
  return !state.submitting && !state.placed && state.hasQuote && state.blockedLines === 0;
}

/** What the form shows after a refused submission. */
export interface CheckoutFeedback {
  fieldErrors: Partial<Record<string, string>>;
  formError?: string;
  /** The cart or its totals changed: shown above the summary, and cart and totals reload. */
  cartChanged?: string;
}

/**
 * A refusal as the form shows it. Errors about a saved address's fields cannot be fixed in the
 * form (its fields are not shown), so the shopper is asked to choose another address instead.
 */
export function checkoutFeedback(
  result: Exclude<PlaceOrderResult, { status: 'placed' }>,
  usingSavedAddress: boolean,
): CheckoutFeedback {
  switch (result.status) {
    case 'invalid': {
      const addressRefused =
        usingSavedAddress && Object.keys(result.fieldErrors).some((field) => field !== 'email');
      return {
        fieldErrors: result.fieldErrors,
        formError: addressRefused
          ? 'The saved address cannot be used for this order. Choose another or enter a new one.'
          : (result.message ?? 'Check the highlighted fields.'),
      };
    }
    case 'cart_changed':
      return { fieldErrors: {}, cartChanged: result.message };
    case 'error':
      return { fieldErrors: {}, formError: result.message };
  }
}
