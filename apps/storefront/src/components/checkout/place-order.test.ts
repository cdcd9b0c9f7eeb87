import { TRPCClientError } from '@shop/api/client';
import { describe, expect, it } from 'vitest';
import { placeFailure, placeOrderRequest } from './place-order';

/** A cell's refusal as the tRPC client throws it (what the server action catches). */
function refusal(message: string, data: { code: string; issues?: unknown[] }) {
  // The constructor's options type wants a whole error response; only `data` matters here.
  const result = { error: { message, code: -32600, data } };
  return new TRPCClientError(message, { result } as never);
}

const input = {
  idempotencyKey: '7d3f7c34-8a8b-4c55-9d1e-8f2b8f0c9a11',
  email: '  ada@example.com ',
  shippingAddress: {
    name: 'Ada',
    line1: '1 Main St',
    line2: '  ',
    city: 'Dublin',
    region: '',
    postcode: 'D01 F5P2',
    country: 'IE',
    phone: '+353 1 234 5678',
  },
  shippingMethodId: 'standard',
  paymentMethod: 'cash_on_delivery' as const,
  expectedTotalMinor: 4599,
};

describe('placing the order', () => {
  it('leaves empty optional address fields out and trims the email', () => {
    const request = placeOrderRequest(input);
    expect(request.email).toBe('ada@example.com');
    expect(request.shippingAddress).toEqual({
      name: 'Ada',
      line1: '1 Main St',
      city: 'Dublin',
      postcode: 'D01 F5P2',
      country: 'IE',
      phone: '+353 1 234 5678',
    });
  });

  it('puts the cell’s input issues next to the fields they name', () => {
    const failure = placeFailure(
      refusal('invalid', {
        code: 'BAD_REQUEST',
        issues: [
          { path: 'shippingAddress.postcode', message: 'not a valid postcode' },
          { path: 'email', message: 'not a valid email address' },
        ],
      }),
    );
    expect(failure).toEqual({
      status: 'invalid',
      message: undefined,
      fieldErrors: { postcode: 'Not a valid postcode.', email: 'Not a valid email address.' },
    });
  });

  it('tells a changed cart from a submission that is still being placed', () => {
    expect(placeFailure(refusal('Your cart changed', { code: 'CONFLICT' }))).toEqual({
      status: 'cart_changed',
      message: 'Your cart changed.',
    });
    expect(
      placeFailure(refusal('This order is still being placed', { code: 'CONFLICT' })).status,
    ).toBe('error');
  });

  it('never blames the shopper for an outage, and says a retry is safe', () => {
    expect(placeFailure(new Error('socket hang up'))).toEqual({
      status: 'error',
      message: 'We could not reach the shop. Try again.',
    });
    expect(placeFailure(refusal('boom', { code: 'INTERNAL_SERVER_ERROR' })).status).toBe('error');
    expect(placeFailure(refusal('boom', { code: 'INTERNAL_SERVER_ERROR' }))).toMatchObject({
      message: expect.stringContaining('you will not be charged twice'),
    });
  });
});
