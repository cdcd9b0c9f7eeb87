import 'server-only';
import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { cookies } from 'next/headers';
import { currentSession } from '@/auth/current-session';
import { currentRequestId } from './cells';
import { cartCookieName, isCartToken } from './cart-cookie';
import { storefrontEnv } from '@/env';

/** The guest cart token of this request's browser (the `shop_cart` cookie), when well-formed. */
export async function currentCartToken(): Promise<string | undefined> {
  const value = (await cookies()).get(cartCookieName)?.value;
  return isCartToken(value) ? value : undefined;
}

/**
 * The cell client for cart and checkout calls made by the server (pages, server actions): it
 * carries the shopper's access token when signed in and the guest cart token when the browser
 * has one, so the order cell finds (and, on a first signed-in call, merges) the right cart.
 * Never used by cached pages: it reads the request's cookies.
 */
export async function shopperCells() {
  const [session, cartToken] = await Promise.all([currentSession(), currentCartToken()]);
  return {
    session,
    client: createCellClient({
      urlFor: cellUrlsFromEnv(storefrontEnv()),
      headers: async () => ({
        'x-request-id': await currentRequestId(),
        ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}),
        ...(cartToken ? { 'x-cart-token': cartToken } : {}),
      }),
    }),
  };
}
