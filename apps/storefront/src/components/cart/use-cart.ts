'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/browser/trpc';
import type { CartView } from './cart-types';

/**
 * The shopper's cart through the gateway (the gateway adds the session and the `shop_cart`
 * token). One react-query entry shared by the header's mini-cart, the cart page and checkout.
 */
export function useCart(options: { refetchOnMount?: boolean | 'always' } = {}) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.order.cart.queryOptions(),
    refetchOnMount: options.refetchOnMount ?? true,
  });
}

/**
 * Replaces the cached cart with what a change answered (every cart change returns the cart). A
 * read still in flight (the header's first `order.cart` of a fresh page) is cancelled first: it
 * left the server before the change, and landing after it would show the older, often empty, cart.
 */
function useStoreCart() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (cart: CartView) => {
    const queryKey = trpc.order.cart.queryKey();
    await queryClient.cancelQueries({ queryKey });
    queryClient.setQueryData(queryKey, cart);
  };
}

/** The cart's changes; each one answers the re-priced cart, which replaces the cached one. */
export function useCartActions() {
  const trpc = useTRPC();
  const onSuccess = useStoreCart();
  return {
    add: useMutation(trpc.order.addToCart.mutationOptions({ onSuccess })),
    update: useMutation(trpc.order.updateCartLine.mutationOptions({ onSuccess })),
    remove: useMutation(trpc.order.removeFromCart.mutationOptions({ onSuccess })),
    applyDiscount: useMutation(trpc.order.applyDiscount.mutationOptions({ onSuccess })),
    removeDiscount: useMutation(trpc.order.removeDiscount.mutationOptions({ onSuccess })),
  };
}

/** Re-asks the order cell for the cart (after sign-in, or after checkout emptied it). */
export function useRefreshCart() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.order.cart.queryKey() });
}
