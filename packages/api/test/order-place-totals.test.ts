import { describe, expect, it } from 'vitest';
import {
  computeTotals,
  discountAmount,
  divideRoundingHalfUp,
  shippingPrice,
  taxOn,
} from '../src/cells/order/totals';

const standard = { priceMinor: 495, freeOverMinor: 5000 };
const express = { priceMinor: 1295 };

describe('checkout arithmetic (integer minor units)', () => {
  it('rounds tax half up at exactly half a cent, and down just below it', () => {
    // 1050 × 21 % = 220.5 -> 221; 1049 × 21 % = 220.29 -> 220.
    expect(taxOn(1050, 2100)).toBe(221);
    expect(taxOn(1049, 2100)).toBe(220);
    // 50 × 1 % = 0.5 -> 1; 49 × 1 % = 0.49 -> 0.
    expect(taxOn(50, 100)).toBe(1);
    expect(taxOn(49, 100)).toBe(0);
    expect(taxOn(0, 2100)).toBe(0);
    expect(taxOn(12_345, 0)).toBe(0);
    // Large carts stay exact: 99 × €9,999.99 at 25.5 %.
    expect(taxOn(98_999_901, 2550)).toBe(25_244_975);
  });

  it('refuses to round a negative or fractional amount', () => {
    expect(() => divideRoundingHalfUp(-1, 100)).toThrow(RangeError);
    expect(() => divideRoundingHalfUp(1.5, 100)).toThrow(RangeError);
  });

  it('takes a percentage (rounded half up) or a fixed amount, never more than the subtotal', () => {
    expect(discountAmount(1005, { kind: 'percentage', value: 10 })).toBe(101); // 100.5
    expect(discountAmount(1004, { kind: 'percentage', value: 10 })).toBe(100); // 100.4
    expect(discountAmount(1000, { kind: 'percentage', value: 100 })).toBe(1000);
    expect(discountAmount(300, { kind: 'fixed', value: 500 })).toBe(300);
    expect(discountAmount(3000, { kind: 'fixed', value: 500 })).toBe(500);
  });

  it('makes standard shipping free from the threshold on the discounted subtotal', () => {
    expect(shippingPrice(standard, 4999)).toBe(495);
    expect(shippingPrice(standard, 5000)).toBe(0);
    expect(shippingPrice(express, 100_000)).toBe(1295);
  });

  it('adds tax per line when prices exclude it: on each line less its discount share, and on shipping', () => {
    const rates = (standard: number) => ({ standard, reduced: 0, zero: 0 });
    const line = (lineTotalMinor: number) => [
      { sku: 'A', lineTotalMinor, taxClass: 'standard' as const },
    ];
    // €60 with 10 % off = €54 (free standard shipping), 21 % VAT = €11.34.
    expect(
      computeTotals({
        lines: line(6000),
        discountMinor: 600,
        shippingMethod: standard,
        rates: rates(2100),
        pricesIncludeTax: false,
        currency: 'EUR',
      }),
    ).toEqual({
      subtotalMinor: 6000,
      discountMinor: 600,
      shippingMinor: 0,
      taxMinor: 1134,
      shippingTaxMinor: 0,
      taxRateBasisPoints: 2100,
      pricesIncludeTax: false,
      lineTaxes: [
        {
          sku: 'A',
          taxClass: 'standard',
          taxRateBasisPoints: 2100,
          discountMinor: 600,
          taxMinor: 1134,
        },
      ],
      totalMinor: 6534,
      currency: 'EUR',
    });
    // €52 - €5 = €47: below the threshold again, so shipping is charged and taxed (€8.93 + €0.94).
    const belowThreshold = computeTotals({
      lines: line(5200),
      discountMinor: 500,
      shippingMethod: standard,
      rates: rates(1900),
      pricesIncludeTax: false,
      currency: 'EUR',
    });
    expect(belowThreshold).toMatchObject({
      shippingMinor: 495,
      shippingTaxMinor: 94,
      taxMinor: 987,
      totalMinor: 6182,
    });
    // A discount larger than the subtotal is capped: the shopper pays shipping and its tax only.
    expect(
      computeTotals({
        lines: line(300),
        discountMinor: 500,
        shippingMethod: express,
        rates: rates(2000),
        pricesIncludeTax: false,
        currency: 'EUR',
      }),
    ).toMatchObject({ discountMinor: 300, shippingMinor: 1295, taxMinor: 259, totalMinor: 1554 });
  });
});
