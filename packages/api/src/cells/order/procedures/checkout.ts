import { z } from 'zod';
import { countryCodeInput } from '../../addresses';
import { publicProcedure } from '../../trpc/procedures';
import { cartOwnerOf } from './cart-owner';
import type { CartNotice, CheckoutOptions, PlacedOrder, Totals } from './cart-types';
import { pricedCart } from './cart-view';
import { fieldError } from '../../trpc/field-error';
import { placeOrder, placeOrderInput } from './place-order';
import { checkoutOptionsFrom, loadCheckoutSettings } from './shipping-settings';
import { computeTotals } from './totals';

export const quoteInput = z.strictObject({
  shippingMethodId: z.string().trim().min(1, { error: 'required' }).max(40),
  country: countryCodeInput,
});

/** `order.checkoutOptions`, `order.quote`, `order.place`. */
export const checkoutProcedures = {
  /** Shipping methods, countries with their tax rates, payment methods. */
  checkoutOptions: publicProcedure.query(async (): Promise<CheckoutOptions> =>
    checkoutOptionsFrom(await loadCheckoutSettings()),
  ),

  /** The caller's cart totalled for a shipping method and destination (re-priced first). */
  quote: publicProcedure
    .input(quoteInput)
    .query(async ({ ctx, input }): Promise<Totals & { notices: CartNotice[] }> => {
      const [{ view, discount }, settings] = await Promise.all([
        pricedCart(cartOwnerOf(ctx)),
        loadCheckoutSettings(),
      ]);
      const method = settings.shippingMethods.find((m) => m.id === input.shippingMethodId);
      if (!method) {
        throw fieldError(['shippingMethodId'], `no shipping method "${input.shippingMethodId}"`);
      }
      const totals = computeTotals({
        subtotalMinor: view.subtotalMinor,
        discountMinor: discount?.amountMinor ?? 0,
        shippingMethod: method,
        taxRateBasisPoints: settings.taxRates.get(input.country) ?? 0,
        currency: view.currency,
      });
      return { ...totals, notices: view.notices };
    }),

  /** Places the caller's cart as a PENDING order and starts its saga (see place-order.ts). */
  place: publicProcedure
    .input(placeOrderInput)
    .mutation(({ ctx, input }): Promise<PlacedOrder> => placeOrder(ctx, input)),
};
