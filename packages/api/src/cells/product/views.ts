import type { Product, TaxClass } from '@shop/db/product';
import type { Types } from 'mongoose';

/**
 * What the product cell answers with: plain JSON, the shapes the apps render. Money is integer
 * minor units with the product's currency. No stock counts, costs or timestamps beyond these leave
 * the cell to shoppers; staff procedures have their own shapes.
 */
export interface ProductImage {
  url: string;
  alt: string;
}

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  brand: string;
  /** Cheapest variant's price: "from" price on cards. */
  priceMinor: number;
  /** Dearest variant's price; equal to `priceMinor` when every variant costs the same. */
  priceMaxMinor: number;
  /** The cheapest variant's compare-at price when it is on sale, else null. */
  compareAtPriceMinor: number | null;
  currency: string;
  image: ProductImage | null;
  categorySlugs: string[];
  inStock: boolean;
  rating: { average: number; count: number };
}

export type StockState = 'in_stock' | 'low_stock' | 'out_of_stock';

export interface ProductVariant {
  sku: string;
  /** One value per product option, in option order. */
  optionValues: string[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  imageIndex: number;
  stock: StockState;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  options: { name: string; values: string[] }[];
  variants: ProductVariant[];
  images: ProductImage[];
  attributes: { name: string; value: string }[];
  seo: { title: string; description: string };
  /** Root first, ending with the product's primary category. */
  breadcrumbs: { slug: string; name: string }[];
  updatedAt: string;
}

export interface Category {
  slug: string;
  name: string;
  description: string;
  parentSlug: string | null;
  /** Root first. */
  ancestorSlugs: string[];
}

export interface CategoryNode extends Category {
  children: CategoryNode[];
}

export interface ProductPage {
  items: ProductSummary[];
  totalCount: number;
  page: number;
  hasMore: boolean;
}

/** What a cart needs to know about one SKU, fresh from the catalog and inventory. */
export interface SkuDetail {
  sku: string;
  productId: string;
  slug: string;
  name: string;
  /** The variant's option values, e.g. `Blue / M` ('' for products without options). */
  variantLabel: string;
  imageUrl?: string;
  imageAlt?: string;
  priceMinor: number;
  /** The "was" price, only when above `priceMinor`. */
  compareAtMinor?: number;
  currency: string;
  /** Which of a country's tax rates applies; the order cell keeps it on the order line. */
  taxClass: TaxClass;
  /** False when the product is no longer for sale (draft or archived). */
  purchasable: boolean;
  /** Units that can be bought now, capped at 99 (no one buys more; the real count stays here). */
  available: number;
  /**
   * When the product or this SKU's stock last changed (ms since 1970, the later of the two): a
   * cell keeping a copy keeps the answer with the latest time, whatever order answers arrive in.
   */
  changedAtMs: number;
}

/** What shoppers see of a SKU's stock: a state, never the counts. */
export function stockState(
  item: { available: number; lowStockThreshold: number } | undefined,
): StockState {
  if (!item || item.available <= 0) return 'out_of_stock';
  return item.available <= item.lowStockThreshold ? 'low_stock' : 'in_stock';
}

type StoredProduct = Product & { _id: Types.ObjectId; updatedAt?: Date };

/** The fields a summary needs: listings read only these. */
export const summaryProjection = {
  slug: 1,
  name: 1,
  brand: 1,
  priceMinMinor: 1,
  priceMaxMinor: 1,
  // Whole variants: the in-memory fallback projects `variants.priceMinor` as an object of arrays.
  variants: 1,
  currency: 1,
  images: 1,
  categorySlugs: 1,
  inStock: 1,
  rating: 1,
} as const;

type SummaryFields = Pick<
  CatalogProductFields,
  | '_id'
  | 'slug'
  | 'name'
  | 'brand'
  | 'priceMinMinor'
  | 'priceMaxMinor'
  | 'variants'
  | 'currency'
  | 'images'
  | 'categorySlugs'
  | 'inStock'
  | 'rating'
>;

/** The public card shape of a stored product: no stock counts, status or staff fields. */
export function toProductSummary(product: SummaryFields): ProductSummary {
  const cheapest = [...product.variants].sort((a, b) => a.priceMinor - b.priceMinor)[0];
  const compareAt = cheapest?.compareAtPriceMinor;
  const image = product.images[0];
  return {
    id: product._id.toString(),
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    priceMinor: product.priceMinMinor,
    priceMaxMinor: product.priceMaxMinor,
    compareAtPriceMinor:
      cheapest && compareAt != null && compareAt > cheapest.priceMinor ? compareAt : null,
    currency: product.currency,
    image: image ? { url: image.url, alt: image.alt } : null,
    categorySlugs: [...product.categorySlugs],
    inStock: product.inStock,
    rating: { average: product.rating?.average ?? 0, count: product.rating?.count ?? 0 },
  };
}

/** The product page's shape: variants carry a stock state, never the counts behind it. */
export function toProductDetail(
  product: StoredProduct,
  stockBySku: ReadonlyMap<string, { available: number; lowStockThreshold: number }>,
  breadcrumbs: { slug: string; name: string }[],
): ProductDetail {
  const description = product.description ?? '';
  return {
    ...toProductSummary(product),
    description,
    options: product.options.map((option) => ({ name: option.name, values: [...option.values] })),
    variants: product.variants.map((variant) => ({
      sku: variant.sku,
      optionValues: [...variant.optionValues],
      priceMinor: variant.priceMinor,
      compareAtPriceMinor:
        variant.compareAtPriceMinor != null && variant.compareAtPriceMinor > variant.priceMinor
          ? variant.compareAtPriceMinor
          : null,
      imageIndex: variant.imageIndex,
      stock: stockState(stockBySku.get(variant.sku)),
    })),
    images: product.images.map((image) => ({ url: image.url, alt: image.alt })),
    attributes: product.attributes.map((attribute) => ({
      name: attribute.name,
      value: attribute.value,
    })),
    seo: {
      title: product.seo?.title || product.name,
      description: product.seo?.description || truncate(description, 155),
    },
    breadcrumbs,
    updatedAt: (product.updatedAt ?? new Date(0)).toISOString(),
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** What staff see of a product in the table: status, version and per-SKU stock counts. */
export interface AdminProduct {
  id: string;
  slug: string;
  name: string;
  brand: string;
  status: Product['status'];
  categorySlugs: string[];
  collections: string[];
  /** Normalised labels rule collections match. */
  tags: string[];
  priceMinMinor: number;
  priceMaxMinor: number;
  currency: string;
  /** Which of a country's tax rates applies at checkout. */
  taxClass: TaxClass;
  inStock: boolean;
  /** The first image, for the table's thumbnail. */
  image: ProductImage | null;
  variants: AdminVariant[];
  /** Bumped by every staff save: the editor sends it back as `expectedVersion`. */
  version: number;
  publishedAt: string | null;
  updatedAt: string;
}

export interface AdminVariant {
  sku: string;
  optionValues: string[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  barcode: string | null;
  weightGrams: number | null;
  imageIndex: number;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  lowStock: boolean;
}

/** Everything the product editor shows and saves. */
export interface AdminProductDetail extends AdminProduct {
  description: string;
  /** Sanitised rich text; for products written as plain text, those paragraphs as HTML. */
  descriptionHtml: string;
  options: { name: string; values: string[] }[];
  images: ProductImage[];
  attributes: { name: string; value: string }[];
  seo: { title: string; description: string };
  createdAt: string;
}

type StockRow = {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
};

type StoredAdminProduct = Product & { _id: Types.ObjectId; updatedAt?: Date; createdAt?: Date };

export function toAdminProduct(
  product: StoredAdminProduct,
  stock: readonly StockRow[],
): AdminProduct {
  const bySku = new Map(stock.map((row) => [row.sku, row]));
  const image = product.images[0];
  return {
    id: product._id.toString(),
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    status: product.status,
    categorySlugs: [...product.categorySlugs],
    collections: [...product.collections],
    tags: [...(product.tags ?? [])],
    priceMinMinor: product.priceMinMinor,
    priceMaxMinor: product.priceMaxMinor,
    currency: product.currency,
    taxClass: product.taxClass ?? 'standard',
    inStock: product.inStock,
    image: image ? { url: image.url, alt: image.alt } : null,
    variants: product.variants.map((variant) => {
      const row = bySku.get(variant.sku);
      return {
        sku: variant.sku,
        optionValues: [...variant.optionValues],
        priceMinor: variant.priceMinor,
        compareAtPriceMinor: variant.compareAtPriceMinor ?? null,
        barcode: variant.barcode ?? null,
        weightGrams: variant.weightGrams ?? null,
        imageIndex: variant.imageIndex,
        onHand: row?.onHand ?? 0,
        reserved: row?.reserved ?? 0,
        available: row?.available ?? 0,
        lowStockThreshold: row?.lowStockThreshold ?? 0,
        lowStock: (row?.available ?? 0) <= (row?.lowStockThreshold ?? 0),
      };
    }),
    version: product.version ?? 0,
    publishedAt: product.publishedAt ? product.publishedAt.toISOString() : null,
    updatedAt: (product.updatedAt ?? new Date(0)).toISOString(),
  };
}

export function toAdminProductDetail(
  product: StoredAdminProduct,
  stock: readonly StockRow[],
  descriptionHtml: string,
): AdminProductDetail {
  return {
    ...toAdminProduct(product, stock),
    description: product.description ?? '',
    descriptionHtml,
    options: product.options.map((option) => ({ name: option.name, values: [...option.values] })),
    images: product.images.map((image) => ({ url: image.url, alt: image.alt })),
    attributes: product.attributes.map((attribute) => ({
      name: attribute.name,
      value: attribute.value,
    })),
    seo: { title: product.seo?.title ?? '', description: product.seo?.description ?? '' },
    createdAt: (product.createdAt ?? new Date(0)).toISOString(),
  };
}

/** A category as other cells' catalogue readers see it (`public.ts`). */
export interface CatalogCategory {
  slug: string;
  name: string;
  parentSlug: string | null;
  /** Root first. */
  ancestorSlugs: string[];
  /** Changes whenever the category is written (its last write, ms since the epoch). */
  version: number;
}

/**
 * A product as other cells' catalogue readers see it (`public.ts`; the search cell indexes it):
 * the shopper's card plus what facets and orderings need. Not the stored document, so the
 * product cell can change how it stores products without breaking its readers.
 */
export interface CatalogProduct {
  id: string;
  /** Changes whenever the product is written (its last write, ms since the epoch; 0 if never). */
  version: number;
  /** Shown to shoppers. Drafts and archived products are false: readers drop them. */
  listed: boolean;
  summary: ProductSummary;
  options: { name: string; values: string[] }[];
  attributes: { name: string; value: string }[];
  /** The plain-text description (search matches it, below every other field). */
  description: string;
  /** When it was first published, ms since the epoch; 0 if never. */
  publishedAt: number;
}

/** The fields of a stored product a `CatalogProduct` is made from (the readers' projection). */
export const catalogProductProjection = {
  ...summaryProjection,
  status: 1,
  options: 1,
  attributes: 1,
  description: 1,
  publishedAt: 1,
  updatedAt: 1,
} as const;

/**
 * A stored product as read with `catalogProductProjection` (lean). `_id` is a hex string in the
 * seed catalogue generator's output, which the search benchmark indexes without a database.
 */
export interface CatalogProductFields {
  _id: Types.ObjectId | string;
  slug: string;
  name: string;
  brand: string;
  status: Product['status'];
  categorySlugs: string[];
  currency: string;
  options: { name: string; values: string[] }[];
  variants: { priceMinor: number; compareAtPriceMinor?: number | null }[];
  images: { url: string; alt: string }[];
  attributes: { name: string; value: string }[];
  description?: string | null;
  priceMinMinor: number;
  priceMaxMinor: number;
  inStock: boolean;
  rating?: { average?: number | null; count?: number | null } | null;
  publishedAt?: Date | null;
  updatedAt?: Date | null;
}

export function catalogVersionOf(product: { updatedAt?: Date | null }): number {
  return product.updatedAt ? product.updatedAt.getTime() : 0;
}

export function toCatalogProduct(product: CatalogProductFields): CatalogProduct {
  return {
    id: product._id.toString(),
    version: catalogVersionOf(product),
    listed: product.status === 'active',
    summary: toProductSummary(product),
    options: product.options,
    attributes: product.attributes,
    description: product.description ?? '',
    publishedAt: product.publishedAt ? product.publishedAt.getTime() : 0,
  };
}

// ---- Staff: inventory and CSV import (inventory-*.ts, csv-*.ts)

/** One SKU on the stock page. `low`: available at or below its threshold. */
export interface InventoryRow {
  sku: string;
  productId: string;
  productName: string;
  productSlug: string;
  productStatus: string;
  /** The variant's option values, "Red / M"; empty for a single-variant product. */
  variantLabel: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  low: boolean;
}

/** One entry of a SKU's stock ledger. */
export interface StockMovementView {
  id: string;
  delta: number;
  onHandBefore: number;
  onHandAfter: number;
  reason: string;
  note: string;
  source: string;
  /** The staff member who made it; null for scripts and services. */
  actorEmail: string | null;
  at: string;
}

/** A bad cell or row found by the dry run: the file's line (1 = header), the column, why. */
export interface CsvRowError {
  line: number;
  column: string;
  message: string;
}

/** What one product (or stock row) of the file will do. */
export interface CsvPlannedChange {
  line: number;
  handle: string;
  sku: string;
  action: 'create' | 'update' | 'unchanged';
  /** The fields that change, for updates ("price", "stock"...). */
  fields: string[];
}

/** The dry run's answer: counts, the first changes and every error. */
export interface CsvPreview {
  kind: 'products' | 'stock';
  rows: number;
  delimiter: ',' | ';';
  products: { create: number; update: number; unchanged: number };
  variants: { create: number; update: number; unchanged: number };
  /** The first 200 planned changes (the report after applying lists all). */
  changes: CsvPlannedChange[];
  errors: CsvRowError[];
  /** More errors than are listed (at most 1,000 are). */
  moreErrors: number;
}

/** An import as the admin shows it: its dry run, then its progress and outcome. */
export interface CsvImportView {
  id: string;
  kind: 'products' | 'stock';
  fileName: string;
  status: 'uploading' | 'previewed' | 'applying' | 'applied' | 'failed';
  preview: CsvPreview | null;
  done: number;
  total: number;
  /** Rows written, left alone or refused while applying (refusals: a conflict since the preview). */
  outcome: { created: number; updated: number; unchanged: number; failed: number };
  background: boolean;
  error: string | null;
  createdByEmail: string;
  createdAt: string;
}
