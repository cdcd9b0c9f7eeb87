import { TRPCError } from '@trpc/server';
import type { CellContext } from '../../trpc/context';
import { sha256Hex } from '../../secrets';
import { mergeGuestCart } from './cart-merge';

/** Whose cart a call is about: the signed-in account's, a guest's, or (both) a merge. */
export interface CartOwner {
  accountId?: string;
  /** SHA-256 of the guest's `x-cart-token`; the token itself is never stored or logged. */
  guestTokenHash?: string;
}

/** 32 random bytes in base64url, as the storefront issues them. */
const cartTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * The account comes only from the verified access token, never from input. A guest is whoever
 * holds the cart token; a malformed one is refused rather than silently ignored, so a broken
 * cookie shows up as an error instead of an empty cart.
 */
export function cartOwnerOf(ctx: Pick<CellContext, 'identity' | 'cartToken'>): CartOwner {
  const owner: CartOwner = {};
  if (ctx.identity) owner.accountId = ctx.identity.accountId;
  if (ctx.cartToken !== undefined) {
    if (!cartTokenPattern.test(ctx.cartToken)) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'The cart token is not valid' });
    }
    owner.guestTokenHash = sha256Hex(ctx.cartToken);
  }
  return owner;
}

export function requireCartOwner(owner: CartOwner): void {
  if (!owner.accountId && !owner.guestTokenHash) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'No cart: sign in or send the x-cart-token header',
    });
  }
}

/** The owner of a changing call: someone must be identified, and a guest cart is merged first. */
export async function changingCartOwner(
  ctx: Pick<CellContext, 'identity' | 'cartToken'>,
): Promise<CartOwner> {
  const owner = cartOwnerOf(ctx);
  requireCartOwner(owner);
  await mergeGuestCart(owner);
  return owner;
}
