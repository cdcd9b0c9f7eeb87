import type { SkuDetail } from '../product/views';
import { mergeGuestCart } from './cart-merge';
import type { CartOwner } from './cart-owner';
import { isBuyable, repriceLines } from './cart-pricing';
import { cartIdOf, readCart, writeCart, type StoredCart } from './cart-store';
import { emptyCartView, shopCurrency, type CartView } from './views';
import { checkDiscount, customerKeyOf, type DiscountCheck } from './discounts';
import { freshSkuDetails, projectedSkuDetails } from './sku-projection';

export interface PricedCart {
  cart: StoredCart | null;
  view: CartView;
  /** The applied code's check, when the cart has one that still applies. */
  discount?: Extract<DiscountCheck, { ok: true }>;
}

/**
 * The owner's cart re-priced against the catalog: merges a guest cart first, stores what changed
 * (reduced quantities, prices seen, a code that no longer applies) and says so in `notices`.
 * Prices come from the order cell's projection (within its staleness bound, sku-projection.ts),
 * or fresh from the product cell with `fresh` (checkout). `details` may be passed when the caller
 * has just looked them up.
 */
export async function pricedCart(
  owner: CartOwner,
  options: {
    /** The cart just written by the caller (saves reading it again). */
    cart?: StoredCart;
    details?: ReadonlyMap<string, SkuDetail>;
    /** Ask the product cell itself, past the projection and its cache (checkout). */
    fresh?: boolean;
    customerKey?: string | null;
  } = {},
): Promise<PricedCart> {
  let cart = options.cart ?? null;
  if (!cart) {
    await mergeGuestCart(owner);
    const cartId = cartIdOf(owner);
    cart = cartId ? await readCart(cartId) : null;
  }
  if (!cart || (cart.lines.length === 0 && !cart.discountCode)) {
    return { cart, view: emptyCartView() };
  }
  const currency = shopCurrency;
  const skus = cart.lines.map((line) => line.sku);
  let details = options.details;
  if (!details || !skus.every((sku) => details?.has(sku))) {
    details = options.fresh ? await freshSkuDetails(skus) : await projectedSkuDetails(skus);
  }
  const repriced = repriceLines(cart.lines, details, currency);
  const subtotalMinor = repriced.lines
    .filter(isBuyable)
    .reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const view: CartView = {
    lines: repriced.lines,
    itemCount: repriced.lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalMinor,
    currency,
    notices: repriced.notices,
  };

  let discount: PricedCart['discount'];
  let removeCode = false;
  if (cart.discountCode) {
    const customerKey =
      options.customerKey !== undefined
        ? options.customerKey
        : customerKeyOf({ accountId: owner.accountId });
    const check = await checkDiscount(cart.discountCode, subtotalMinor, currency, customerKey);
    if (check.ok) {
      discount = check;
      view.discount = {
        code: check.code.code,
        description: check.description,
        amountMinor: check.amountMinor,
      };
    } else {
      removeCode = true;
      view.notices.push({
        kind: 'discount_removed',
        message: `The code ${cart.discountCode} was removed: ${check.message}`,
      });
    }
  }

  if (repriced.changed || removeCode) {
    // Best effort: if another write came first, the next read re-prices and tells again.
    await writeCart(
      cart,
      { lines: repriced.records, ...(removeCode && { discountCode: null }) },
      owner,
    );
  }
  return { cart, view, ...(discount && { discount }) };
}
