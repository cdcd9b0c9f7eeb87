import { cartLimits, type CartLineRecord } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import type { SkuDetail } from '../product/views';
import { addLineIfNew } from './cart-line-writes';
import type { CartOwner } from './cart-owner';
import { lineLabel } from './cart-pricing';
import { changeCart, linesWithAdded } from './cart-store';
import { pricedCart } from './priced-cart';
import { projectedSkuDetails } from './sku-projection';
import type { CartView } from './views';

function conflict(message: string): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message });
}

/**
 * Whether the catalog, as the order cell's projection holds it, sells the SKU at all: it must
 * exist, be for sale and not be sold out (whatever the cart holds).
 */
function checkBuyable(
  sku: string,
  detail: SkuDetail | undefined,
): { detail: SkuDetail } | { refusal: TRPCError } {
  if (!detail) {
    return { refusal: new TRPCError({ code: 'NOT_FOUND', message: `No product has SKU ${sku}` }) };
  }
  const label = lineLabel(detail);
  if (!detail.purchasable) return { refusal: conflict(`${label} is no longer available.`) };
  if (detail.available === 0) return { refusal: conflict(`${label} is sold out.`) };
  return { detail };
}

/** Refuses `wanted` units (`current` of them in the cart) above the stock or the per-line limit. */
function unitsRefusal(detail: SkuDetail, wanted: number, current: number): TRPCError | null {
  const label = lineLabel(detail);
  if (wanted > detail.available) {
    const inCart = current > 0 ? ` (you have ${current} in your cart)` : '';
    return conflict(`Only ${detail.available} left of ${label}${inCart}.`);
  }
  if (wanted > cartLimits.quantityPerLine) {
    const message = `At most ${cartLimits.quantityPerLine} of ${label} per order.`;
    return new TRPCError({ code: 'BAD_REQUEST', message });
  }
  return null;
}

function newLine(detail: SkuDetail, quantity: number): CartLineRecord {
  return {
    sku: detail.sku,
    quantity,
    seenUnitPriceMinor: detail.priceMinor,
    addedAt: new Date(),
    productId: detail.productId,
    slug: detail.slug,
    name: detail.name,
    variantLabel: detail.variantLabel,
  };
}

/**
 * A SKU the cart does not hold yet, added in one conditional write (cart-line-writes.ts). A SKU
 * not for sale is refused here; null when the write does not apply (no cart yet, the SKU already
 * held, a full cart) or the units are refused, whose message names what the cart holds: the
 * caller then reads the cart and decides.
 */
async function addedIfNew(
  owner: CartOwner,
  sku: string,
  quantity: number,
): Promise<CartView | null> {
  const details = await projectedSkuDetails([sku], { recheck: sku });
  const checked = checkBuyable(sku, details.get(sku));
  if ('refusal' in checked) throw checked.refusal;
  if (unitsRefusal(checked.detail, quantity, 0)) return null;
  const written = await addLineIfNew(owner, newLine(checked.detail, quantity));
  return written && (await pricedCart(owner, { cart: written, details })).view;
}

/**
 * Sets a SKU's quantity to `target(current)`, checked against the catalog as the order cell's
 * projection holds it (within its staleness bound): the product must be for sale and the stock
 * must cover an increase (a decrease is always allowed). `order.place` checks again, fresh.
 */
export async function setCartQuantity(
  owner: CartOwner,
  sku: string,
  target: (current: number) => number,
  mustBeInCart: boolean,
): Promise<CartView> {
  if (!mustBeInCart) {
    const added = await addedIfNew(owner, sku, target(0));
    if (added) return added;
  }
  // Read, change, write: one catalog read for the SKU and everything in the cart read, used to
  // check and to price.
  let details: ReadonlyMap<string, SkuDetail> = new Map();
  const written = await changeCart(owner, async (cart) => {
    details = await projectedSkuDetails([sku, ...cart.lines.map((line) => line.sku)], {
      recheck: sku,
    });
    const current = cart.lines.find((line) => line.sku === sku)?.quantity ?? 0;
    if (mustBeInCart && current === 0) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `${sku} is not in your cart` });
    }
    const wanted = target(current);
    if (wanted === current) return null;
    if (wanted === 0) {
      return { lines: cart.lines.filter((line) => line.sku !== sku) };
    }
    if (wanted < current) {
      // Fewer is always allowed, even of a product that is gone or sold out.
      return {
        lines: cart.lines.map((line) => (line.sku === sku ? { ...line, quantity: wanted } : line)),
      };
    }
    const checked = checkBuyable(sku, details.get(sku));
    if ('refusal' in checked) throw checked.refusal;
    const refusal = unitsRefusal(checked.detail, wanted, current);
    if (refusal) throw refusal;
    if (current === 0 && cart.lines.length >= cartLimits.lines) {
      throw conflict(`A cart holds at most ${cartLimits.lines} different items.`);
    }
    const lines =
      current === 0
        ? linesWithAdded(cart.lines, newLine(checked.detail, wanted))
        : cart.lines.map((line) => (line.sku === sku ? { ...line, quantity: wanted } : line));
    return { lines };
  });
  return (await pricedCart(owner, { cart: written, details })).view;
}
