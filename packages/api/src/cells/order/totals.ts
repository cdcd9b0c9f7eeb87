import type { ShippingMethodOption, Totals } from './views';

/**
 * The checkout's arithmetic, in integer minor units only (no float ever holds money).
 * `n / d` rounded half up, for n ≥ 0 and d > 0: exact integer arithmetic.
 */
export function divideRoundingHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new RangeError(`cannot round ${numerator}: a non-negative whole number is needed`);
  }
  return Math.floor((numerator + Math.floor(denominator / 2)) / denominator);
}

/** Tax on `base` at `basisPoints` (2100 = 21 %), rounded half up to the minor unit. */
export function taxOn(baseMinor: number, basisPoints: number): number {
  return divideRoundingHalfUp(baseMinor * basisPoints, 10_000);
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

/**
 * subtotal − discount + shipping, plus tax on that at the destination's rate:
 * tax = round-half-up((subtotal − discount + shipping) × rate / 10000).
 */
export function computeTotals(input: {
  subtotalMinor: number;
  discountMinor: number;
  shippingMethod: Pick<ShippingMethodOption, 'priceMinor' | 'freeOverMinor'>;
  taxRateBasisPoints: number;
  currency: string;
}): Totals {
  const discountMinor = Math.min(input.subtotalMinor, input.discountMinor);
  const discounted = input.subtotalMinor - discountMinor;
  const shippingMinor = shippingPrice(input.shippingMethod, discounted);
  const taxMinor = taxOn(discounted + shippingMinor, input.taxRateBasisPoints);
  return {
    subtotalMinor: input.subtotalMinor,
    discountMinor,
    shippingMinor,
    taxMinor,
    taxRateBasisPoints: input.taxRateBasisPoints,
    totalMinor: discounted + shippingMinor + taxMinor,
    currency: input.currency,
  };
}
