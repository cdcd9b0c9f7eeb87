import type { ProductVariant } from '@shop/api/client';
import { describe, expect, it } from 'vitest';
import {
  canAddToCart,
  initialSelection,
  isChoiceAvailable,
  selectionWith,
  stockWords,
  variantFor,
} from './variant-selection';

const variant = (sku: string, optionValues: string[], stock: ProductVariant['stock']) => ({
  sku,
  optionValues,
  priceMinor: 2500,
  compareAtPriceMinor: null,
  imageIndex: 0,
  stock,
});

// A shirt in two colours; navy comes in S and M, black only in M (and it is sold out).
const shirt = {
  options: [
    { name: 'Colour', values: ['Navy', 'Black'] },
    { name: 'Size', values: ['S', 'M'] },
  ],
  variants: [
    variant('SHIRT-NAVY-S', ['Navy', 'S'], 'in_stock'),
    variant('SHIRT-NAVY-M', ['Navy', 'M'], 'low_stock'),
    variant('SHIRT-BLACK-M', ['Black', 'M'], 'out_of_stock'),
  ],
};

describe('choosing a variant', () => {
  it('starts from the variant the page names, else from each option’s first value', () => {
    expect(initialSelection(shirt, 'SHIRT-BLACK-M')).toEqual(['Black', 'M']);
    expect(initialSelection(shirt, 'NO-SUCH-SKU')).toEqual(['Navy', 'S']);
    expect(initialSelection(shirt, null)).toEqual(['Navy', 'S']);
    expect(initialSelection({ options: [], variants: [] }, undefined)).toEqual([]);
  });

  it('finds the SKU of the chosen options', () => {
    expect(variantFor(shirt.variants, ['Navy', 'M'])?.sku).toBe('SHIRT-NAVY-M');
    expect(variantFor(shirt.variants, selectionWith(['Navy', 'M'], 0, 'Black'))?.sku).toBe(
      'SHIRT-BLACK-M',
    );
    // No black S: the combination has no variant (the page says so and cannot add it).
    expect(variantFor(shirt.variants, selectionWith(['Navy', 'S'], 0, 'Black'))).toBeUndefined();
  });

  it('changes one option and keeps the others', () => {
    expect(selectionWith(['Navy', 'S'], 1, 'M')).toEqual(['Navy', 'M']);
  });

  it('offers only the values some variant has with the other current choices', () => {
    // With size S chosen, black is not offered; with M it is (even though it is sold out).
    expect(isChoiceAvailable(shirt.variants, ['Navy', 'S'], 0, 'Black')).toBe(false);
    expect(isChoiceAvailable(shirt.variants, ['Navy', 'M'], 0, 'Black')).toBe(true);
    expect(isChoiceAvailable(shirt.variants, ['Black', 'M'], 1, 'S')).toBe(false);
    expect(isChoiceAvailable(shirt.variants, ['Navy', 'M'], 1, 'S')).toBe(true);
  });

  it('adds to the cart only a variant that exists and is not sold out', () => {
    expect(canAddToCart(variantFor(shirt.variants, ['Navy', 'S']))).toBe(true);
    expect(canAddToCart(variantFor(shirt.variants, ['Navy', 'M']))).toBe(true);
    expect(canAddToCart(variantFor(shirt.variants, ['Black', 'M']))).toBe(false);
    expect(canAddToCart(undefined)).toBe(false);
  });

  it('says the stock state in words', () => {
    expect(stockWords.low_stock).toEqual({ text: 'Only a few left', tone: 'warning' });
    expect(stockWords.out_of_stock.text).toBe('Out of stock');
  });
});
