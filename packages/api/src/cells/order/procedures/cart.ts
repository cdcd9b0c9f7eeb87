import { cartLimits } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { publicProcedure } from '../../trpc/procedures';
import { cartOwnerOf, requireCartOwner, type CartOwner } from './cart-owner';
import { mergeGuestCart } from './cart-merge';
import { fetchSkuDetails, lineLabel } from './cart-pricing';
import { changeCart, ensureCart, linesWithAdded } from './cart-store';
import type { CartView } from './cart-types';
import { pricedCart } from './cart-view';
import { checkDiscount, customerKeyOf, discountError, normaliseCode } from './discounts';

const skuInput = z
  .string()
  .trim()
  .min(1, { error: 'required' })
  .max(64, { error: 'at most 64 characters' })
  .toUpperCase();
const quantity = (min: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `at least ${min}` })
    .max(cartLimits.quantityPerLine, { error: `at most ${cartLimits.quantityPerLine}` });

export const addToCartInput = z.strictObject({ sku: skuInput, quantity: quantity(1) });
export const updateCartLineInput = z.strictObject({ sku: skuInput, quantity: quantity(0) });
export const removeFromCartInput = z.strictObject({ sku: skuInput });
export const applyDiscountInput = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .max(40, { error: 'at most 40 characters' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'letters, digits, dashes and underscores only' }),
});

function conflict(message: string): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message });
}

/** The owner of a changing call: someone must be identified, and a guest cart is merged first. */
async function changingOwner(ctx: Parameters<typeof cartOwnerOf>[0]): Promise<CartOwner> {
  const owner = cartOwnerOf(ctx);
  requireCartOwner(owner);
  await mergeGuestCart(owner);
  return owner;
}

/**
 * Sets a SKU's quantity to `target(current)`, checked against the catalog now: the product must
 * be for sale and the stock must cover an increase (a decrease is always allowed).
 */
async function setQuantity(
  owner: CartOwner,
  sku: string,
  target: (current: number) => number,
  mustBeInCart: boolean,
): Promise<CartView> {
  // One catalog read for the SKU and everything already in the cart, used to check and to price.
  const before = await ensureCart(owner);
  let details = await fetchSkuDetails([sku, ...before.lines.map((line) => line.sku)]);
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
    details = await fetchSkuDetails(written.lines.map((line) => line.sku));
  }
  return (await pricedCart(owner, { cart: written, details })).view;
}

/** `order.cart`, `order.addToCart`... : the shopper's cart, always answered re-priced. */
export const cartProcedures = {
  /** The caller's cart (an empty one when there is none yet). */
  cart: publicProcedure.query(async ({ ctx }): Promise<CartView> => {
    return (await pricedCart(cartOwnerOf(ctx))).view;
  }),

  addToCart: publicProcedure
    .input(addToCartInput)
    .mutation(async ({ ctx, input }): Promise<CartView> => {
      const owner = await changingOwner(ctx);
      return setQuantity(owner, input.sku, (current) => current + input.quantity, false);
    }),

  /** Sets a line's quantity; 0 removes it. */
  updateCartLine: publicProcedure
    .input(updateCartLineInput)
    .mutation(async ({ ctx, input }): Promise<CartView> => {
      const owner = await changingOwner(ctx);
      return setQuantity(owner, input.sku, () => input.quantity, true);
    }),

  /** Removes a line; removing one that is not there changes nothing (a retried call). */
  removeFromCart: publicProcedure
    .input(removeFromCartInput)
    .mutation(async ({ ctx, input }): Promise<CartView> => {
      const owner = await changingOwner(ctx);
      const cart = await changeCart(owner, (current) =>
        current.lines.some((line) => line.sku === input.sku)
          ? { lines: current.lines.filter((line) => line.sku !== input.sku) }
          : null,
      );
      return (await pricedCart(owner, { cart })).view;
    }),

  applyDiscount: publicProcedure
    .input(applyDiscountInput)
    .mutation(async ({ ctx, input }): Promise<CartView> => {
      const owner = await changingOwner(ctx);
      const code = normaliseCode(input.code);
      const { view } = await pricedCart(owner);
      const check = await checkDiscount(
        code,
        view.subtotalMinor,
        view.currency,
        customerKeyOf({ accountId: owner.accountId }),
      );
      if (!check.ok) throw discountError(check);
      const cart = await changeCart(owner, () => ({ discountCode: check.code.code }));
      return (await pricedCart(owner, { cart })).view;
    }),

  removeDiscount: publicProcedure.mutation(async ({ ctx }): Promise<CartView> => {
    const owner = await changingOwner(ctx);
    const cart = await changeCart(owner, (current) =>
      current.discountCode ? { discountCode: null } : null,
    );
    return (await pricedCart(owner, { cart })).view;
  }),
};
