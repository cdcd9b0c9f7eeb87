import { cartLimits } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import type { CartOwner } from './cart-owner';
import { lineLabel } from './cart-pricing';
import { changeCart, ensureCart, linesWithAdded } from './cart-store';
import { pricedCart } from './priced-cart';
import { projectedSkuDetails } from './sku-projection';
import type { CartView } from './views';

function conflict(message: string): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message });
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
  // One catalog read for the SKU and everything already in the cart, used to check and to price.
  const before = await ensureCart(owner);
  let details = await projectedSkuDetails([sku, ...before.lines.map((line) => line.sku)], {
    recheck: sku,
  });
  const written = await changeCart(
    owner,
    (cart) => {
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
          lines: cart.lines.map((line) =>
            line.sku === sku ? { ...line, quantity: wanted } : line,
          ),
        };
      }
      const detail = details.get(sku);
      if (!detail) throw new TRPCError({ code: 'NOT_FOUND', message: `No product has SKU ${sku}` });
      const label = lineLabel(detail);
      // More needs the product on sale and the stock to cover it.
      if (!detail.purchasable) throw conflict(`${label} is no longer available.`);
      if (detail.available === 0) throw conflict(`${label} is sold out.`);
      if (wanted > detail.available) {
        const inCart = current > 0 ? ` (you have ${current} in your cart)` : '';
        throw conflict(`Only ${detail.available} left of ${label}${inCart}.`);
      }
      if (wanted > cartLimits.quantityPerLine) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `At most ${cartLimits.quantityPerLine} of ${label} per order.`,
        });
      }
      if (current === 0 && cart.lines.length >= cartLimits.lines) {
        throw conflict(`A cart holds at most ${cartLimits.lines} different items.`);
      }
      const lines =
        current === 0
          ? linesWithAdded(cart.lines, {
              sku,
              quantity: wanted,
              seenUnitPriceMinor: detail.priceMinor,
              productId: detail.productId,
              slug: detail.slug,
              name: detail.name,
              variantLabel: detail.variantLabel,
            })
          : cart.lines.map((line) => (line.sku === sku ? { ...line, quantity: wanted } : line));
      return { lines };
    },
    before,
  );
  // A concurrent change may have added SKUs this call did not look up.
  if (written.lines.some((line) => !details.has(line.sku))) {
    details = await projectedSkuDetails(written.lines.map((line) => line.sku));
  }
  return (await pricedCart(owner, { cart: written, details })).view;
}
