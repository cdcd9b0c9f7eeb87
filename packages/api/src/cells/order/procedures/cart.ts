import type { HandlerArgs } from '../../../trpc/context';
import { cartOwnerOf, changingCartOwner } from '../cart-owner';
import { setCartQuantity } from '../cart-quantity';
import { removeLineIfHeld } from '../cart-line-writes';
import { cartIdOf, changeCart, readCart } from '../cart-store';
import { checkDiscount, customerKeyOf, discountNotValid, normaliseCode } from '../discounts';
import { checkDiscountTriesLeft, countDiscountFailure } from '../discount-throttle';
import type {
  AddToCartInput,
  ApplyDiscountInput,
  RemoveFromCartInput,
  UpdateCartLineInput,
} from '../inputs';
import { pricedCart } from '../priced-cart';
import { emptyCartView, type CartView } from '../views';

/** `order.cart`, `order.addToCart`... : the shopper's cart, always answered re-priced. */

/** The caller's cart (an empty one when there is none yet). */
export async function cart({ ctx }: HandlerArgs): Promise<CartView> {
  return (await pricedCart(cartOwnerOf(ctx))).view;
}

export async function addToCart({ ctx, input }: HandlerArgs<AddToCartInput>): Promise<CartView> {
  const owner = await changingCartOwner(ctx);
  return setCartQuantity(owner, input.sku, (current) => current + input.quantity, false);
}

/** Sets a line's quantity; 0 removes it. */
export async function updateCartLine({
  ctx,
  input,
}: HandlerArgs<UpdateCartLineInput>): Promise<CartView> {
  const owner = await changingCartOwner(ctx);
  return setCartQuantity(owner, input.sku, () => input.quantity, true);
}

/**
 * Removes a line in one conditional write (cart-line-writes.ts); removing one that is not there
 * changes nothing (a retried call) and answers the cart as it is.
 */
export async function removeFromCart({
  ctx,
  input,
}: HandlerArgs<RemoveFromCartInput>): Promise<CartView> {
  const owner = await changingCartOwner(ctx);
  const written = await removeLineIfHeld(owner, input.sku);
  const cartId = cartIdOf(owner);
  const cart = written ?? (cartId && (await readCart(cartId)));
  return cart ? (await pricedCart(owner, { cart })).view : emptyCartView();
}

/**
 * Puts a code on the cart. A code that does not apply, unknown or known, gets one answer (409
 * "This code is not valid for your cart.") and counts against the cart and the client address;
 * once either has used its tries, 429 with `Retry-After` (`discount-throttle.ts`).
 */
export async function applyDiscount({
  ctx,
  input,
}: HandlerArgs<ApplyDiscountInput>): Promise<CartView> {
  const owner = await changingCartOwner(ctx);
  await checkDiscountTriesLeft(owner, ctx.clientAddress);
  const code = normaliseCode(input.code);
  const { view } = await pricedCart(owner);
  const check = await checkDiscount(
    code,
    view.subtotalMinor,
    view.currency,
    customerKeyOf({ accountId: owner.accountId }),
  );
  if (!check.ok) {
    await countDiscountFailure(owner, ctx.clientAddress);
    throw discountNotValid();
  }
  const written = await changeCart(owner, () => ({ discountCode: check.code.code }));
  return (await pricedCart(owner, { cart: written })).view;
}

export async function removeDiscount({ ctx }: HandlerArgs): Promise<CartView> {
  const owner = await changingCartOwner(ctx);
  const written = await changeCart(owner, (current) =>
    current.discountCode ? { discountCode: null } : null,
  );
  return (await pricedCart(owner, { cart: written })).view;
}
