'use server';

import { z } from 'zod';
import type { PlaceOrderInput, PlaceOrderResult } from '@/components/checkout/checkout-types';
import { placeFailure, placeOrderRequest } from '@/components/checkout/place-order';
import { shopperCells } from '@/server/cart-cells';
import { rememberOrderAccess } from '@/server/order-access';
import { rootLogger } from '@shop/api/observability';
import { consentWording } from '@/components/newsletter/consent-wording';

const text = z.string().max(500);
const address = z.object({
  name: text,
  line1: text,
  line2: text.optional(),
  city: text,
  region: text.optional(),
  postcode: text,
  country: text,
  phone: text.optional(),
});

/**
 * The action's own boundary check (shape only; the order cell validates the values). Typed as
 * `order.place`'s input, so the compiler says when the procedure's input changes.
 */
const placeOrderInput: z.ZodType<PlaceOrderInput> = z.object({
  idempotencyKey: z.uuid(),
  email: text,
  shippingAddress: address,
  shippingMethodId: text,
  paymentMethod: z.enum(['card', 'cash_on_delivery']),
  expectedTotalMinor: z.number().int().nonnegative(),
});

/**
 * Places the order server-side, as the signed-in shopper or the guest's cart (the `shop_cart`
 * cookie), so that a guest's one-time access token goes straight into the httpOnly
 * `shop_order_access` cookie and never through browser code.
 */
export async function placeOrder(
  raw: PlaceOrderInput,
  extras: { newsletter?: boolean } = {},
): Promise<PlaceOrderResult> {
  const parsed = placeOrderInput.safeParse(raw);
  if (!parsed.success) {
    return { status: 'invalid', message: 'Check the highlighted fields.', fieldErrors: {} };
  }
  const input = parsed.data;
  const { client } = await shopperCells();
  try {
    const placed = await client.order.place.mutate(placeOrderRequest(input));
    if (placed.guestAccessToken) await rememberOrderAccess(placed.orderId, placed.guestAccessToken);
    // The unticked-by-default box: a confirmation email follows (double opt-in). Never fails
    // the order: the shopper can sign up from the footer too.
    if (extras.newsletter === true) {
      await client.notification.subscribe
        .mutate({ email: input.email.trim(), source: 'checkout', wording: consentWording.checkout })
        .catch((error: unknown) =>
          rootLogger.warn({ err: error }, 'newsletter sign-up at checkout failed'),
        );
    }
    const next =
      input.paymentMethod === 'card'
        ? `/checkout/pay/${placed.orderId}`
        : `/checkout/confirmation/${placed.orderId}`;
    return { status: 'placed', orderId: placed.orderId, number: placed.number, next };
  } catch (error) {
    return placeFailure(error);
  }
}

/**
 * Checkout reached with a known email (typed by a guest, or the account's): the notification
 * cell may send one reminder if no order follows, and only where the address consented to
 * marketing mail. Sends the cart's SKUs and quantities only; fire and forget.
 */
export async function noteCheckoutEmail(email: string): Promise<void> {
  const address = z.email().max(320).safeParse(email.trim());
  if (!address.success) return;
  const { client } = await shopperCells();
  try {
    const cart = await client.order.cart.query();
    const lines = cart.lines
      .slice(0, 50)
      .map((line) => ({ sku: line.sku, quantity: line.quantity }));
    if (lines.length === 0) return;
    await client.notification.rememberCheckout.mutate({ email: address.data, lines });
  } catch (error) {
    rootLogger.warn({ err: error }, 'checkout not remembered for a reminder');
  }
}
