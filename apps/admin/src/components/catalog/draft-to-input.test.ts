import { describe, expect, it } from 'vitest';
import { draftSchema, fieldsFromDraft, type CheckedDraft } from './draft-to-input';
import { emptyDraft, type ProductDraft } from './editor-values';

/** A draft as the save action receives it (checked by its schema first). */
const draft = (changes: Partial<ProductDraft> = {}): CheckedDraft =>
  draftSchema.parse({
    ...emptyDraft(),
    name: 'Oak Lamp',
    slug: 'oak-lamp',
    brand: 'Northlight',
    categorySlugs: ['lighting'],
    ...changes,
  });

const kept = {
  optionValues: [],
  sku: 'OAK-1',
  price: '12,50',
  compareAt: '',
  barcode: '',
  weight: '',
  existing: true,
};

describe('what the editor sends for a draft', () => {
  it("reads euros exactly and leaves a kept SKU's stock alone unless it was typed over", () => {
    const untouched = fieldsFromDraft(
      draft({ variants: [{ ...kept, stock: '7', openedStock: '7' }] }),
    );
    expect(untouched.ok && untouched.fields.variants[0]).toEqual({
      sku: 'OAK-1',
      optionValues: [],
      priceMinor: 1250,
      compareAtPriceMinor: null,
      barcode: null,
      weightGrams: null,
      imageIndex: 0,
    });
    const counted = fieldsFromDraft(
      draft({ variants: [{ ...kept, stock: '3', openedStock: '7' }] }),
    );
    expect(counted.ok && counted.fields.variants[0]?.onHand).toBe(3);
  });

  it('puts what cannot be read at the field it came from', () => {
    const result = fieldsFromDraft(
      draft({
        publishedAt: 'soon',
        variants: [{ ...kept, price: '12.345', weight: '1.5', stock: '-1', openedStock: '0' }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'variants.0.priceMinor': 'Use at most 2 decimals, for example 12.50.',
        'variants.0.weightGrams': 'Enter whole grams, e.g. 850.',
        'variants.0.onHand': 'Enter a whole number of units.',
        publishedAt: 'Enter a date and time.',
      },
    });
  });
});

describe('the images the editor sends', () => {
  it('keeps their order and trimmed alt text; an image without alt text is still sent', () => {
    const result = fieldsFromDraft(
      draft({
        variants: [{ ...kept, stock: '1', openedStock: '1' }],
        images: [
          { url: `/media/product/${'b'.repeat(32)}`, alt: '  Lamp, side view ' },
          { url: `/media/product/${'a'.repeat(32)}`, alt: '' },
        ],
      }),
    );
    expect(result.ok && result.fields.images).toEqual([
      { url: `/media/product/${'b'.repeat(32)}`, alt: 'Lamp, side view' },
      { url: `/media/product/${'a'.repeat(32)}`, alt: '' },
    ]);
  });
});

describe("a variant's image", () => {
  it('is sent as chosen, and as the first image when it points past the last one', () => {
    const images = [
      { url: `/media/product/${'b'.repeat(32)}`, alt: 'Blue' },
      { url: `/media/product/${'a'.repeat(32)}`, alt: 'Red' },
    ];
    const result = fieldsFromDraft(
      draft({
        images,
        variants: [
          { ...kept, sku: 'OAK-RED', stock: '1', openedStock: '1', imageIndex: 1 },
          { ...kept, sku: 'OAK-BLUE', stock: '1', openedStock: '1', imageIndex: 5 },
        ],
      }),
    );
    expect(result.ok && result.fields.variants.map((variant) => variant.imageIndex)).toEqual([
      1, 0,
    ]);
  });
});
