import { describe, expect, it } from 'vitest';
import {
  blankAddress,
  canPlaceOrder,
  checkoutFeedback,
  checkoutSubmission,
  shippingAddressOf,
} from './checkout-state';
import type { SavedAddress } from './checkout-types';

const typed = { ...blankAddress, name: 'Ada', line1: '1 Main St', city: 'Dublin', country: 'IE' };

const saved = {
  id: 'addr-1',
  name: 'Grace',
  line1: '2 Side St',
  line2: 'Flat 3',
  city: 'Cork',
  region: 'Munster',
  postcode: 'T12 AB34',
  country: 'IE',
  phone: '+353 1 234 5678',
  isDefaultShipping: true,
} as unknown as SavedAddress; // only the address fields matter here

describe('checkout form state', () => {
  it('ships to the chosen saved address, or to what was typed', () => {
    expect(shippingAddressOf(undefined, typed)).toBe(typed);
    expect(shippingAddressOf(saved, typed)).toEqual({
      name: 'Grace',
      line1: '2 Side St',
      line2: 'Flat 3',
      city: 'Cork',
      region: 'Munster',
      postcode: 'T12 AB34',
      country: 'IE',
      phone: '+353 1 234 5678',
    });
  });

  it('sends the account’s email for a signed-in shopper and the total the shopper was shown', () => {
    const form = {
      idempotencyKey: '7d3f7c34-8a8b-4c55-9d1e-8f2b8f0c9a11',
      email: 'typed@example.com',
      shippingAddress: typed,
      shippingMethodId: 'standard',
      paymentMethod: 'card' as const,
      quotedTotalMinor: 4599,
    };
    expect(checkoutSubmission({ ...form, account: null })).toEqual({
      idempotencyKey: form.idempotencyKey,
      email: 'typed@example.com',
      shippingAddress: typed,
      shippingMethodId: 'standard',
      paymentMethod: 'card',
      expectedTotalMinor: 4599,
    });
    expect(checkoutSubmission({ ...form, account: { email: 'me@example.com' } }).email).toBe(
      'me@example.com',
    );
  });

  it('lets "Place order" be pressed once, with totals, and nothing blocking', () => {
    const ready = { submitting: false, placed: false, hasQuote: true, blockedLines: 0 };
    expect(canPlaceOrder(ready)).toBe(true);
    expect(canPlaceOrder({ ...ready, submitting: true })).toBe(false);
    expect(canPlaceOrder({ ...ready, placed: true })).toBe(false);
    expect(canPlaceOrder({ ...ready, hasQuote: false })).toBe(false);
    expect(canPlaceOrder({ ...ready, blockedLines: 1 })).toBe(false);
  });

  it('shows field errors next to the fields, with a message for the form', () => {
    expect(
      checkoutFeedback(
        { status: 'invalid', fieldErrors: { postcode: 'Not a valid postcode.' } },
        false,
      ),
    ).toEqual({
      fieldErrors: { postcode: 'Not a valid postcode.' },
      formError: 'Check the highlighted fields.',
    });
    expect(
      checkoutFeedback({ status: 'invalid', message: 'Email taken.', fieldErrors: {} }, false)
        .formError,
    ).toBe('Email taken.');
  });

  it('asks for another address when a saved one is refused (its fields are not on the form)', () => {
    expect(
      checkoutFeedback({ status: 'invalid', fieldErrors: { postcode: 'Not valid.' } }, true)
        .formError,
    ).toBe('The saved address cannot be used for this order. Choose another or enter a new one.');
    // An email error is on the form, so it is shown as usual.
    expect(
      checkoutFeedback({ status: 'invalid', fieldErrors: { email: 'Not valid.' } }, true).formError,
    ).toBe('Check the highlighted fields.');
  });

  it('tells a changed cart apart from other failures', () => {
    expect(
      checkoutFeedback({ status: 'cart_changed', message: 'Your cart changed.' }, false),
    ).toEqual({
      fieldErrors: {},
      cartChanged: 'Your cart changed.',
    });
    expect(checkoutFeedback({ status: 'error', message: 'Try again.' }, false)).toEqual({
      fieldErrors: {},
      formError: 'Try again.',
    });
  });
});
