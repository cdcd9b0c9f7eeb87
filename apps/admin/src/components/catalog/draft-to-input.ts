import type { RouterInputs } from '@shop/api/client';
import { z } from 'zod';
import { parseMoneyInput } from '@/components/orders/money-input';
import { optionValuesOf } from './editor-values';

type Changes = RouterInputs['product']['update']['changes'];

const shortText = z.string().max(500);

/** What the editor sends (its `ProductDraft`), checked at the action's boundary. */
export const draftSchema = z.strictObject({
  name: shortText,
  slug: shortText,
  brand: shortText,
  status: z.enum(['draft', 'active', 'archived']),
  taxClass: z.enum(['standard', 'reduced', 'zero']),
  publishedAt: z.string().max(20),
  categorySlugs: z.array(shortText).max(10),
  collections: z.array(z.enum(['featured', 'new-arrivals', 'best-sellers'])).max(3),
  tags: z.string().max(2000),
  descriptionHtml: z.string().max(50_000),
  seoTitle: shortText,
  seoDescription: z.string().max(1000),
  options: z.array(z.strictObject({ name: shortText, values: z.string().max(3000) })).max(3),
  variants: z
    .array(
      z.strictObject({
        optionValues: z.array(shortText).max(3),
        sku: shortText,
        price: z.string().max(40),
        compareAt: z.string().max(40),
        barcode: z.string().max(40),
        weight: z.string().max(20),
        stock: z.string().max(20),
        existing: z.boolean(),
        openedStock: z.string().max(20),
        imageIndex: z.number().int().min(0).max(19).optional(),
      }),
    )
    .max(250),
  images: z.array(z.strictObject({ url: z.string().max(500), alt: z.string().max(300) })).max(20),
});
export type CheckedDraft = z.infer<typeof draftSchema>;

const wholeNumber = (text: string, max: number): number | null | 'invalid' => {
  const value = text.trim();
  if (!value) return null;
  return /^\d{1,9}$/.test(value) && Number(value) <= max ? Number(value) : 'invalid';
};

/**
 * The cell's product fields from a draft: euros typed as text become exact minor units, counts
 * whole numbers, dates UTC. What cannot be read becomes an error at that field; everything else
 * (SKU shapes, publish rules, the version) the cell checks and answers at the field too.
 */
export function fieldsFromDraft(
  draft: CheckedDraft,
):
  | { ok: true; fields: Required<Pick<Changes, 'variants'>> & Changes }
  | { ok: false; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const variants = draft.variants.map((variant, index) => {
    const key = (field: string) => `variants.${index}.${field}`;
    const price = parseMoneyInput(variant.price);
    if (!price.ok) fieldErrors[key('priceMinor')] = price.message;
    let compareAtPriceMinor: number | null = null;
    if (variant.compareAt.trim()) {
      const compareAt = parseMoneyInput(variant.compareAt);
      if (compareAt.ok) compareAtPriceMinor = compareAt.minor;
      else fieldErrors[key('compareAtPriceMinor')] = compareAt.message;
    }
    const weight = wholeNumber(variant.weight, 1_000_000);
    if (weight === 'invalid') fieldErrors[key('weightGrams')] = 'Enter whole grams, e.g. 850.';
    const stock = wholeNumber(variant.stock, 1_000_000);
    if (stock === 'invalid') fieldErrors[key('onHand')] = 'Enter a whole number of units.';
    return {
      sku: variant.sku.trim(),
      optionValues: variant.optionValues,
      priceMinor: price.ok ? price.minor : 0,
      compareAtPriceMinor,
      barcode: variant.barcode.trim() || null,
      weightGrams: weight === 'invalid' ? null : weight,
      // Kept through every save (the cell would otherwise reset it to the first image).
      imageIndex:
        variant.imageIndex !== undefined && variant.imageIndex < draft.images.length
          ? variant.imageIndex
          : 0,
      // A kept SKU's count is sent only when typed over: see VariantDraft.openedStock.
      ...(stock === null ||
      stock === 'invalid' ||
      (variant.existing && variant.stock.trim() === variant.openedStock)
        ? {}
        : { onHand: stock }),
    };
  });
  let publishedAt: string | null = null;
  if (draft.publishedAt) {
    const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(draft.publishedAt)
      ? new Date(`${draft.publishedAt}:00Z`)
      : null;
    if (date && !Number.isNaN(date.getTime())) publishedAt = date.toISOString();
    else fieldErrors.publishedAt = 'Enter a date and time.';
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    fields: {
      name: draft.name.trim(),
      slug: draft.slug.trim(),
      brand: draft.brand.trim(),
      status: draft.status,
      taxClass: draft.taxClass,
      publishedAt,
      categorySlugs: draft.categorySlugs,
      collections: draft.collections,
      tags: draft.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      descriptionHtml: draft.descriptionHtml,
      seo: { title: draft.seoTitle.trim(), description: draft.seoDescription.trim() },
      options: draft.options
        .filter((option) => option.name.trim())
        .map((option) => ({ name: option.name.trim(), values: optionValuesOf(option) })),
      variants,
      images: draft.images.map((image) => ({ url: image.url, alt: image.alt.trim() })),
    },
  };
}
