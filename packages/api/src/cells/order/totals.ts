import type { TaxClass } from '@shop/db/order';
import type { LineTax, ShippingMethodOption, Totals } from './views';

/**
 * The checkout's arithmetic, in integer minor units only (no float ever holds money). The rules
 * (both tax modes, rounding, where a remainder cent goes) are written up in docs/taxes.md.
 */

/** A destination's rate per tax class, in basis points (2100 = 21 %). */
export type ClassRates = Record<TaxClass, number>;

/** `n / d` rounded half up, for n ≥ 0 and d > 0: exact integer arithmetic. */
export function divideRoundingHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new RangeError(`cannot round ${numerator}: a non-negative whole number is needed`);
  }
  return Math.floor((numerator + Math.floor(denominator / 2)) / denominator);
}

/** Tax added on a net `base` at `basisPoints` (2100 = 21 %), rounded half up to the minor unit. */
export function taxOn(baseMinor: number, basisPoints: number): number {
  return divideRoundingHalfUp(baseMinor * basisPoints, 10_000);
}

/**
 * Tax contained in a gross `price` at `basisPoints`: price − price / (1 + rate), which is
 * price × bp / (10000 + bp), rounded half up to the minor unit.
 */
export function taxContained(grossMinor: number, basisPoints: number): number {
  return divideRoundingHalfUp(grossMinor * basisPoints, 10_000 + basisPoints);
}

/** A discount never takes more than the subtotal. */
export function discountAmount(
  subtotalMinor: number,
  discount: { kind: 'percentage' | 'fixed'; value: number },
): number {
  const amount =
    discount.kind === 'percentage'
      ? divideRoundingHalfUp(subtotalMinor * Math.min(100, discount.value), 100)
      : discount.value;
  return Math.min(subtotalMinor, Math.max(0, amount));
}

/**
 * Splits `discountMinor` (≤ Σ amounts) over the amounts in proportion to them: each gets
 * floor(discount × amount / Σ), and the cents left over (fewer than the number of amounts) go one
 * each to the largest fractional parts, ties to the earlier line (largest-remainder method). No
 * share exceeds its amount, and the shares add up to the discount exactly.
 */
export function allocateDiscount(amounts: readonly number[], discountMinor: number): number[] {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (discountMinor <= 0 || total === 0) return amounts.map(() => 0);
  const discount = BigInt(Math.min(discountMinor, total));
  const sum = BigInt(total);
  // BigInt: discount × amount can pass 2^53 for large orders.
  const exact = amounts.map((amount) => BigInt(amount) * discount);
  const shares = exact.map((product) => product / sum);
  let left = Number(discount - shares.reduce((a, b) => a + b, 0n));
  const byRemainder = exact
    .map((product, index) => ({ index, remainder: product % sum }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1;
  }
  return shares.map(Number);
}

/** Shipping is free once the discounted subtotal reaches the method's threshold. */
export function shippingPrice(
  method: Pick<ShippingMethodOption, 'priceMinor' | 'freeOverMinor'>,
  discountedSubtotalMinor: number,
): number {
  if (method.freeOverMinor !== undefined && discountedSubtotalMinor >= method.freeOverMinor) {
    return 0;
  }
  return method.priceMinor;
}

export interface TaxableLine {
  sku: string;
  lineTotalMinor: number;
  taxClass: TaxClass;
}

/**
 * Each line's tax on its price less its share of the discount, at its class's rate, and the
 * shipping's at the standard rate. With `pricesIncludeTax` the tax is the part of those amounts
 * that is tax and the total is subtotal − discount + shipping; without, it is added on top.
 */
export function computeTotals(input: {
  lines: readonly TaxableLine[];
  discountMinor: number;
  shippingMethod: Pick<ShippingMethodOption, 'priceMinor' | 'freeOverMinor'>;
  rates: ClassRates;
  pricesIncludeTax: boolean;
  currency: string;
}): Totals {
  const subtotalMinor = input.lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const discountMinor = Math.min(subtotalMinor, Math.max(0, input.discountMinor));
  const discounted = subtotalMinor - discountMinor;
  const shippingMinor = shippingPrice(input.shippingMethod, discounted);
  const taxOf = input.pricesIncludeTax ? taxContained : taxOn;
  const shares = allocateDiscount(
    input.lines.map((line) => line.lineTotalMinor),
    discountMinor,
  );
  const lineTaxes: LineTax[] = input.lines.map((line, index) => {
    const share = shares[index] ?? 0;
    const rate = input.rates[line.taxClass];
    return {
      sku: line.sku,
      taxClass: line.taxClass,
      taxRateBasisPoints: rate,
      discountMinor: share,
      taxMinor: taxOf(line.lineTotalMinor - share, rate),
    };
  });
  const shippingTaxMinor = taxOf(shippingMinor, input.rates.standard);
  const taxMinor = lineTaxes.reduce((sum, line) => sum + line.taxMinor, shippingTaxMinor);
  return {
    subtotalMinor,
    discountMinor,
    shippingMinor,
    taxMinor,
    shippingTaxMinor,
    taxRateBasisPoints: input.rates.standard,
    pricesIncludeTax: input.pricesIncludeTax,
    lineTaxes,
    totalMinor: discounted + shippingMinor + (input.pricesIncludeTax ? 0 : taxMinor),
    currency: input.currency,
  };
}
