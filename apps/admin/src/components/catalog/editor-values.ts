import type { RouterOutputs } from '@shop/api/client';
import { minorToDecimalString } from '@shop/money';

/** The product as the cell answers `product.byId`: what the editor opens. */
export type EditorProduct = RouterOutputs['product']['byId'];

/** One option row as typed: a name and its values, comma-separated ("S, M, L"). */
export interface OptionDraft {
  name: string;
  values: string;
}

/** One variant row as typed: money and numbers stay text until the server reads them. */
export interface VariantDraft {
  optionValues: string[];
  sku: string;
  price: string;
  compareAt: string;
  barcode: string;
  weight: string;
  stock: string;
  /** Existing SKUs keep their stock unless the count is changed; new ones start at it. */
  existing: boolean;
  /**
   * The count the editor opened with: only a count typed over it is sent, so sales and
   * deliveries made while the editor was open are not overwritten by a stale number.
   */
  openedStock: string;
  /** Which of the product's images shows for this variant (e.g. its colour); 0 when unset. */
  imageIndex?: number;
}

/** One image as the editor holds it: its served path and its alt text (needed to publish). */
export interface ImageDraft {
  url: string;
  alt: string;
}

/** Everything the editor holds; sent as-is to the save action, which checks every field. */
export interface ProductDraft {
  name: string;
  slug: string;
  brand: string;
  status: 'draft' | 'active' | 'archived';
  /** Which of a country's tax rates applies at checkout. */
  taxClass: 'standard' | 'reduced' | 'zero';
  /** "2026-12-31T23:59" in UTC, or '' for "when first published". */
  publishedAt: string;
  categorySlugs: string[];
  collections: string[];
  /** Comma-separated, as typed; the product cell normalises them (lower-case, no repeats). */
  tags: string;
  descriptionHtml: string;
  seoTitle: string;
  seoDescription: string;
  options: OptionDraft[];
  variants: VariantDraft[];
  /** In the order shoppers see them; the first is the listing image. */
  images: ImageDraft[];
}

/** Values of an option row, trimmed, empty and repeated ones dropped. */
export function optionValuesOf(option: OptionDraft): string[] {
  return [
    ...new Set(
      option.values
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
}

/** A URL slug from a name: "Oak Desk Lamp!" → "oak-desk-lamp". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** A SKU suggestion from the slug and option values: "trail-jacket", [Red, M] → "TRAIL-JACKET-RED-M". */
export function suggestedSku(slug: string, optionValues: readonly string[]): string {
  return [slug, ...optionValues]
    .map((part) => slugFrom(part).toUpperCase())
    .filter(Boolean)
    .join('-')
    .slice(0, 64);
}

/** Every combination of the options' values, in option order: Colour × Size → [Red,S], [Red,M]… */
export function combinationsOf(options: readonly OptionDraft[]): string[][] {
  const named = options.filter((option) => option.name.trim());
  return named.reduce<string[][]>(
    (combinations, option) =>
      combinations.flatMap((combination) =>
        optionValuesOf(option).map((value) => [...combination, value]),
      ),
    [[]],
  );
}

/**
 * The variants the options call for: one per combination. A combination that already had a row
 * keeps it (SKU, prices, stock); a new one gets a suggested SKU and the first row's price, so
 * adding a size does not lose what was typed for the others.
 */
export function generateVariants(
  options: readonly OptionDraft[],
  current: readonly VariantDraft[],
  slug: string,
): VariantDraft[] {
  const byCombination = new Map(
    current.map((variant) => [JSON.stringify(variant.optionValues), variant]),
  );
  const template = current[0];
  return combinationsOf(options).map((optionValues) => {
    const kept = byCombination.get(JSON.stringify(optionValues));
    if (kept) return kept;
    return {
      optionValues,
      sku: suggestedSku(slug || 'product', optionValues),
      price: template?.price ?? '',
      compareAt: '',
      barcode: '',
      weight: template?.weight ?? '',
      stock: '0',
      existing: false,
      openedStock: '',
    };
  });
}

/** The draft of a stored product (money as "12.50", dates as UTC datetime-local text). */
export function draftOf(product: EditorProduct): ProductDraft {
  return {
    name: product.name,
    slug: product.slug,
    brand: product.brand,
    status: product.status,
    taxClass: product.taxClass,
    publishedAt: product.publishedAt ? product.publishedAt.slice(0, 16) : '',
    categorySlugs: [...product.categorySlugs],
    collections: [...product.collections],
    tags: product.tags.join(', '),
    descriptionHtml: product.descriptionHtml,
    seoTitle: product.seo.title,
    seoDescription: product.seo.description,
    options: product.options.map((option) => ({
      name: option.name,
      values: option.values.join(', '),
    })),
    variants: product.variants.map((variant) => ({
      optionValues: [...variant.optionValues],
      sku: variant.sku,
      price: minorToDecimalString(variant.priceMinor, product.currency),
      compareAt:
        variant.compareAtPriceMinor != null
          ? minorToDecimalString(variant.compareAtPriceMinor, product.currency)
          : '',
      barcode: variant.barcode ?? '',
      weight: variant.weightGrams != null ? String(variant.weightGrams) : '',
      stock: String(variant.onHand),
      existing: true,
      openedStock: String(variant.onHand),
      imageIndex: variant.imageIndex,
    })),
    images: product.images.map((image) => ({ url: image.url, alt: image.alt })),
  };
}

/** A new product's draft: one variant without options. */
export function emptyDraft(): ProductDraft {
  return {
    name: '',
    slug: '',
    brand: '',
    status: 'draft',
    taxClass: 'standard',
    publishedAt: '',
    categorySlugs: [],
    collections: [],
    tags: '',
    descriptionHtml: '',
    seoTitle: '',
    seoDescription: '',
    options: [],
    variants: [
      {
        optionValues: [],
        sku: '',
        price: '',
        compareAt: '',
        barcode: '',
        weight: '',
        stock: '0',
        existing: false,
        openedStock: '',
      },
    ],
    images: [],
  };
}

/** "Red / M", or "Default" for a product without options. */
export function variantLabel(variant: Pick<VariantDraft, 'optionValues'>): string {
  return variant.optionValues.join(' / ') || 'Default';
}
