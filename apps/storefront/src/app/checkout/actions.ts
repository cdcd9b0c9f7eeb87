'use server';

import { z } from 'zod';
import type { PlaceOrderInput, PlaceOrderResult } from '@/components/checkout/checkout-types';
import { placeFailure, placeOrderRequest } from '@/components/checkout/place-order';
import { shopperCells } from '@/server/cart-cells';
import { rememberOrderAccess } from '@/server/order-access';

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
export async function placeOrder(raw: PlaceOrderInput): Promise<PlaceOrderResult> {
  const parsed = placeOrderInput.safeParse(raw);
  if (!parsed.success) {
    return { status: 'invalid', message: 'Check the highlighted fields.', fieldErrors: {} };
  }
  const input = parsed.data;
  const { client } = await shopperCells();
  try {
    const placed = await client.order.place.mutate(placeOrderRequest(input));
    if (placed.guestAccessToken) await rememberOrderAccess(placed.orderId, placed.guestAccessToken);
    const next =
      input.paymentMethod === 'card'
        ? `/checkout/pay/${placed.orderId}`
        : `/checkout/confirmation/${placed.orderId}`;
    return { status: 'placed', orderId: placed.orderId, number: placed.number, next };
  } catch (error) {
    return placeFailure(error);
  }
}
