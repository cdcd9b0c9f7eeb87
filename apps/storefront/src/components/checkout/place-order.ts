import { TRPCClientError } from '@shop/api/client';
import type { PlaceOrderInput, PlaceOrderResult } from './checkout-types';

/**
 * What the checkout action sends to `order.place`: the email trimmed, and empty optional address
 * fields left out rather than sent as "" so the cell does not judge them.
 */
export function placeOrderRequest(input: PlaceOrderInput): PlaceOrderInput {
  const { line2, region, phone, ...required } = input.shippingAddress;
  return {
    ...input,
    email: input.email.trim(),
    shippingAddress: {
      ...required,
      ...(line2?.trim() ? { line2 } : {}),
      ...(region?.trim() ? { region } : {}),
      ...(phone?.trim() ? { phone } : {}),
    },
  };
}

interface InputIssue {
  path: string;
  message: string;
}

/** A refusal as the form shows it: issues next to their field, CONFLICT as "cart changed". */
export function placeFailure(error: unknown): PlaceOrderResult {
  if (!(error instanceof TRPCClientError)) {
    return { status: 'error', message: 'We could not reach the shop. Try again.' };
  }
  const data = error.data as { code?: string; issues?: InputIssue[] } | undefined;
  switch (data?.code) {
    case 'BAD_REQUEST': {
      const fieldErrors: Record<string, string> = {};
      const other: string[] = [];
      for (const issue of data.issues ?? []) {
        // `shippingAddress.postcode` is shown next to the postcode, `email` next to the email.
        const field = issue.path.split('.').at(-1) ?? '';
        if (field) fieldErrors[field] ??= sentence(issue.message);
        else other.push(sentence(issue.message));
      }
      return {
        status: 'invalid',
        message: other[0] ?? (data.issues?.length ? undefined : sentence(error.message)),
        fieldErrors,
      };
    }
    case 'CONFLICT':
      // The one CONFLICT that is not about the cart: an earlier submission with this key is
      // still being placed. Sending the same key again answers that order.
      if (/still being placed/i.test(error.message)) {
        return { status: 'error', message: sentence(error.message) };
      }
      return { status: 'cart_changed', message: sentence(error.message) };
    case 'NOT_FOUND':
    case 'PRECONDITION_FAILED':
    case 'FORBIDDEN':
      return { status: 'error', message: sentence(error.message) };
    case 'UNAUTHORIZED':
      return {
        status: 'error',
        message: 'Your session has ended. Sign in again, then place your order.',
      };
    case 'TOO_MANY_REQUESTS':
      return {
        status: 'error',
        message: 'Too many attempts. Wait a moment, then try again.',
      };
    default:
      // An outage or a timeout: the order may or may not exist, so the retry must send the same
      // key (the cell answers the same order if it was placed).
      return {
        status: 'error',
        message:
          'Something went wrong while placing your order. Try again: you will not be charged twice.',
      };
  }
}

function sentence(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return 'Invalid value.';
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
