import type { CartOwner } from './cart-owner';
import { failureThrottle } from './failure-throttle';

/**
 * Discount codes that do not apply, counted per cart and per client address (15-minute windows):
 * a shopper mistyping a code a few times never notices, a script guessing codes is stopped after
 * 10 tries on one cart, and after 30 from one address however many carts it makes.
 */
const windowMs = 15 * 60_000;
const message = (minutes: number) =>
  `Too many discount codes tried. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;

export const discountFailuresPerCart = 10;
export const discountFailuresPerAddress = 30;

const perCart = failureThrottle({
  scope: 'discount-cart',
  limit: discountFailuresPerCart,
  windowMs,
  message,
});
const perAddress = failureThrottle({
  scope: 'discount-address',
  limit: discountFailuresPerAddress,
  windowMs,
  message,
});

/** The cart's key: the account, else the guest cart token's hash (never the token). */
function cartKey(owner: CartOwner): string | null {
  if (owner.accountId) return `account:${owner.accountId}`;
  return owner.guestTokenHash ? `guest:${owner.guestTokenHash}` : null;
}

/** Refuses (429 with Retry-After) a cart or an address that has used up its tries. */
export async function checkDiscountTriesLeft(
  owner: CartOwner,
  clientAddress: string | null,
): Promise<void> {
  await perAddress.check(clientAddress);
  await perCart.check(cartKey(owner));
}

/** Counts one code that did not apply, against the cart and the address. */
export async function countDiscountFailure(
  owner: CartOwner,
  clientAddress: string | null,
): Promise<void> {
  await Promise.all([perCart.count(cartKey(owner)), perAddress.count(clientAddress)]);
}
