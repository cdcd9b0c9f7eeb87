import { describe, expect, it } from 'vitest';
import {
  combinationsOf,
  generateVariants,
  slugFrom,
  suggestedSku,
  type VariantDraft,
} from './editor-values';

const colourSize = [
  { name: 'Colour', values: 'Red, Blue' },
  { name: 'Size', values: 'S, M, M,  ' },
];

describe('options generate variants', () => {
  it('makes one combination per value pair, in option order, ignoring blanks and repeats', () => {
    expect(combinationsOf(colourSize)).toEqual([
      ['Red', 'S'],
      ['Red', 'M'],
      ['Blue', 'S'],
      ['Blue', 'M'],
    ]);
    expect(combinationsOf([])).toEqual([[]]);
  });

  it('keeps what was typed for existing combinations and suggests SKUs for new ones', () => {
    const typed: VariantDraft = {
      optionValues: ['Red', 'S'],
      sku: 'MY-OWN-SKU',
      price: '49.00',
      compareAt: '59.00',
      barcode: '4006381333931',
      weight: '400',
      stock: '12',
      existing: true,
      openedStock: '12',
    };
    const variants = generateVariants(colourSize, [typed], 'trail-jacket');
    expect(variants).toHaveLength(4);
    expect(variants[0]).toBe(typed);
    expect(variants[3]).toMatchObject({
      optionValues: ['Blue', 'M'],
      sku: 'TRAIL-JACKET-BLUE-M',
      price: '49.00',
      compareAt: '',
      stock: '0',
      existing: false,
    });
  });

  it('makes slugs and SKUs URL- and scanner-safe', () => {
    expect(slugFrom('Crème Brûlée Lamp — 2nd edition!')).toBe('creme-brulee-lamp-2nd-edition');
    expect(suggestedSku('oak-lamp', ['Dark Grey', 'XL'])).toBe('OAK-LAMP-DARK-GREY-XL');
  });
});
