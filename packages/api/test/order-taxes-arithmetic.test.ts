import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateDiscount,
  computeTotals,
  taxContained,
  type TaxableLine,
} from '../src/cells/order/totals';

// The tax arithmetic of docs/taxes.md: both modes, classes, the discount split and its rounding.

const standard = { priceMinor: 495, freeOverMinor: 5000 };
const nlRates = { standard: 2100, reduced: 900, zero: 0 };

describe('tax contained in a price (prices include tax)', () => {
  it('is price − price / (1 + rate), rounded half up to the cent', () => {
    // €12.10 at 21 %: exactly €2.10 of it is VAT.
    expect(taxContained(1210, 2100)).toBe(210);
    // €10.00 at 21 %: 173.553… → 174; €1.00 at 9 %: 8.257… → 8.
    expect(taxContained(1000, 2100)).toBe(174);
    expect(taxContained(100, 900)).toBe(8);
    // Exactly half a cent rounds up: 1 cent at 100 % contains 0.5 cents of tax → 1.
    expect(taxContained(1, 10_000)).toBe(1);
    expect(taxContained(0, 2100)).toBe(0);
    expect(taxContained(999, 0)).toBe(0);
  });
});

describe('splitting a discount over lines', () => {
  it('gives each line its proportional share, the leftover cents to the largest remainders', () => {
    // €1.00 off three equal lines: 33 each, the leftover cent to the first (ties: cart order).
    expect(allocateDiscount([500, 500, 500], 100)).toEqual([34, 33, 33]);
    // 2 cents over 1, 1, 1: shares 0.67 each, so the first two get one cent each.
    expect(allocateDiscount([1, 1, 1], 2)).toEqual([1, 1, 0]);
    // 7 × 300/1000 = 2.1 and 7 × 700/1000 = 4.9: the 4.9 line takes the leftover cent.
    expect(allocateDiscount([300, 700], 7)).toEqual([2, 5]);
    expect(allocateDiscount([300, 700], 0)).toEqual([0, 0]);
  });

  it('always adds up to the discount and never takes more than a line costs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (amounts, wanted) => {
          const total = amounts.reduce((a, b) => a + b, 0);
          const discount = Math.min(wanted, total);
          const shares = allocateDiscount(amounts, discount);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : discount);
          shares.forEach((share, index) => {
            expect(Number.isInteger(share)).toBe(true);
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(amounts[index] ?? 0);
          });
        },
      ),
    );
  });
});

describe('checkout totals', () => {
  const line = (sku: string, lineTotalMinor: number, taxClass: TaxableLine['taxClass']) => ({
    sku,
    lineTotalMinor,
    taxClass,
  });

  it('with prices including tax: the total is what the prices say, the VAT is inside it', () => {
    const totals = computeTotals({
      lines: [
        line('BOOK', 2000, 'reduced'),
        line('LAMP', 3025, 'standard'),
        line('GIFT', 500, 'zero'),
      ],
      discountMinor: 0,
      shippingMethod: standard,
      rates: nlRates,
      pricesIncludeTax: true,
      currency: 'EUR',
    });
    // 2000 × 900/10900 = 165.1 → 165; 3025 × 2100/12100 = 525; zero class 0; free shipping.
    expect(totals.lineTaxes.map((tax) => [tax.sku, tax.taxRateBasisPoints, tax.taxMinor])).toEqual([
      ['BOOK', 900, 165],
      ['LAMP', 2100, 525],
      ['GIFT', 0, 0],
    ]);
    expect(totals).toMatchObject({ shippingMinor: 0, taxMinor: 690, totalMinor: 5525 });
  });

  it('with prices excluding tax: tax is added per line and on shipping at the standard rate', () => {
    const totals = computeTotals({
      lines: [line('BOOK', 2000, 'reduced'), line('LAMP', 1000, 'standard')],
      discountMinor: 300,
      shippingMethod: standard,
      rates: nlRates,
      pricesIncludeTax: false,
      currency: 'EUR',
    });
    // €3 off split 200 / 100; (1800 × 9 %) 162 + (900 × 21 %) 189 + shipping (495 × 21 %) 103.95 → 104.
    expect(totals.lineTaxes.map((tax) => [tax.discountMinor, tax.taxMinor])).toEqual([
      [200, 162],
      [100, 189],
    ]);
    expect(totals).toMatchObject({
      shippingMinor: 495,
      shippingTaxMinor: 104,
      taxMinor: 455,
      totalMinor: 3000 - 300 + 495 + 455,
    });
  });

  const anyLine = fc.record({
    sku: fc.string({ minLength: 1, maxLength: 8 }),
    lineTotalMinor: fc.integer({ min: 0, max: 2_000_000 }),
    taxClass: fc.constantFrom('standard' as const, 'reduced' as const, 'zero' as const),
  });
  const anyRate = fc.integer({ min: 0, max: 10_000 });

  it('adds up in every case: Σ line taxes + shipping tax = tax; total = subtotal − discount + shipping (+ tax when added)', () => {
    fc.assert(
      fc.property(
        fc.array(anyLine, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 30_000_000 }),
        fc.record({ standard: anyRate, reduced: anyRate, zero: anyRate }),
        fc.boolean(),
        fc.record({
          priceMinor: fc.integer({ min: 0, max: 5000 }),
          freeOverMinor: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        }),
        (lines, discountMinor, rates, pricesIncludeTax, shippingMethod) => {
          const totals = computeTotals({
            lines,
            discountMinor,
            shippingMethod,
            rates,
            pricesIncludeTax,
            currency: 'EUR',
          });
          const subtotal = lines.reduce((sum, l) => sum + l.lineTotalMinor, 0);
          expect(totals.subtotalMinor).toBe(subtotal);
          expect(totals.discountMinor).toBe(Math.min(subtotal, discountMinor));
          const lineTax = totals.lineTaxes.reduce((sum, tax) => sum + tax.taxMinor, 0);
          expect(lineTax + totals.shippingTaxMinor).toBe(totals.taxMinor);
          expect(totals.lineTaxes.reduce((sum, tax) => sum + tax.discountMinor, 0)).toBe(
            totals.discountMinor,
          );
          expect(totals.totalMinor).toBe(
            totals.subtotalMinor -
              totals.discountMinor +
              totals.shippingMinor +
              (pricesIncludeTax ? 0 : totals.taxMinor),
          );
          for (const [index, tax] of totals.lineTaxes.entries()) {
            const taxable = (lines[index]?.lineTotalMinor ?? 0) - tax.discountMinor;
            expect(Number.isInteger(tax.taxMinor)).toBe(true);
            expect(tax.taxRateBasisPoints).toBe(rates[tax.taxClass]);
            // Contained tax never exceeds what it is contained in.
            if (pricesIncludeTax) expect(tax.taxMinor).toBeLessThanOrEqual(taxable);
          }
        },
      ),
    );
  });
});
