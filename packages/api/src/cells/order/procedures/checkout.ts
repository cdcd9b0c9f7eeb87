import type { HandlerArgs } from '../../../trpc/context';
import { fieldError } from '../../../trpc/field-error';
import { cartOwnerOf } from '../cart-owner';
import type { PlaceInput, QuoteInput } from '../inputs';
import { placeOrder } from '../place-order';
import { pricedCart } from '../priced-cart';
import { loadCheckoutSettings, ratesFor } from '../shipping-settings';
import { computeTotals } from '../totals';
import { isBuyable } from '../cart-pricing';
import {
  checkoutOptionsFrom,
  type CartNotice,
  type CheckoutOptions,
  type PlacedOrder,
  type Totals,
} from '../views';

/** `order.checkoutOptions`, `order.quote`, `order.place`. */

/** The tax mode, shipping methods, countries with their tax rates, payment methods. */
export async function checkoutOptions(): Promise<CheckoutOptions> {
  return checkoutOptionsFrom(await loadCheckoutSettings());
}

/** The caller's cart totalled for a shipping method and destination (re-priced first). */
export async function quote({
  ctx,
  input,
}: HandlerArgs<QuoteInput>): Promise<Totals & { notices: CartNotice[] }> {
  const [{ view, discount }, settings] = await Promise.all([
    pricedCart(cartOwnerOf(ctx)),
    loadCheckoutSettings(),
  ]);
  const method = settings.shippingMethods.find((m) => m.id === input.shippingMethodId);
  if (!method) {
    throw fieldError(['shippingMethodId'], `no shipping method "${input.shippingMethodId}"`);
  }
  const totals = computeTotals({
    // The subtotal counts buyable lines only; so does the tax.
    lines: view.lines.filter(isBuyable),
    discountMinor: discount?.amountMinor ?? 0,
    shippingMethod: method,
    rates: ratesFor(settings, input.country),
    pricesIncludeTax: settings.pricesIncludeTax,
    currency: view.currency,
  });
  return { ...totals, notices: view.notices };
}

/** Places the caller's cart as a PENDING order and starts its saga (see place-order.ts). */
export function place({ ctx, input }: HandlerArgs<PlaceInput>): Promise<PlacedOrder> {
  return placeOrder(ctx, input);
}
