'use server';

import { redirect } from 'next/navigation';
import { formStateFromError, type FormState } from '@shop/ui/form';
import { shopperCells } from '@/server/cart-cells';

const linkToken = /^[A-Za-z0-9_.-]{20,600}$/;

/**
 * The reminder email's "Back to my cart": puts the link's items into this browser's cart (the
 * guest cookie or the signed-in account's), each as far as stock allows, then opens the cart.
 * The link carries SKUs and quantities only, never a cart's secret.
 */
export async function restoreCart(_previous: FormState, data: FormData): Promise<FormState> {
  const token = String(data.get('token') ?? '');
  if (!linkToken.test(token)) return { status: 'error', message: 'This link is not valid.' };
  const { client } = await shopperCells();
  try {
    const { lines } = await client.notification.restoreCartLink.query({ token });
    for (const line of lines) {
      // A line that is sold out or over the stock is skipped; the cart page tells the rest.
      await client.order.addToCart.mutate(line).catch(() => undefined);
    }
  } catch (error) {
    return formStateFromError(error, { fields: [] });
  }
  redirect('/cart');
}
