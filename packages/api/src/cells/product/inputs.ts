import { collectionSlugs, productStatuses, taxClasses } from '@shop/db/product';
import { z } from 'zod';
import { objectIdTextPattern } from '../../ids/object-id-text';
import { requiredShownText, shownParagraphs, shownText } from '../../text-input/shown-text';
import { defaultPageSize, maxPageSize, paginationInput } from '../../trpc/pagination';
import { tagsInput } from './inputs/tags';

/**
 * Every input the product cell accepts, one schema per procedure (`<procedure>Input`), and the
 * field shapes they share. Slugs are URL path segments: a strict shape keeps query operators
 * (`{"$gt": ""}`) and odd bytes out of database filters.
 */
export const slugInput = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "oak-desk-lamp"');

/** A home-page collection's slug. */
export const collectionSlugInput = z.enum(collectionSlugs);

/** How listings can be ordered; `newest` is the default. */
export const productSorts = ['newest', 'price_asc', 'price_desc', 'rating', 'name'] as const;
export type ProductSort = (typeof productSorts)[number];

/** Integer minor units, never negative, below a sanity cap (ten million euros). */
export const minorUnitsInput = z.number().int().min(0).max(1_000_000_000);

/** SKUs: upper-case letters, digits and hyphens (stored upper-case). */
export const skuInput = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'must be letters and digits joined by hyphens')
  .transform((sku) => sku.toUpperCase());

/**
 * Mongo ObjectId as 24 hex digits (either case, as every cell takes them; lower-cased so string
 * comparisons with stored ids hold): anything else is refused before it reaches a filter.
 */
export const objectIdInput = z
  .string()
  .regex(objectIdTextPattern, 'must be a 24-digit hex id')
  .transform((id) => id.toLowerCase());

// ---- Shoppers' reads (procedures/catalog.ts)

export const listInput = z
  .object({
    categorySlug: slugInput.optional(),
    sort: z.enum(productSorts).default('newest'),
    ...paginationInput,
  })
  .strict()
  .default({ page: 1, pageSize: defaultPageSize, sort: 'newest' });
export type ListInput = z.infer<typeof listInput>;

export const bySlugInput = z.object({ slug: slugInput }).strict();
export type BySlugInput = z.infer<typeof bySlugInput>;

export const categoryBySlugInput = z.object({ slug: slugInput }).strict();
export type CategoryBySlugInput = z.infer<typeof categoryBySlugInput>;

export const collectionInput = z
  .object({
    slug: collectionSlugInput,
    limit: z.number().int().min(1).max(maxPageSize).default(12),
  })
  .strict();
export type CollectionInput = z.infer<typeof collectionInput>;

export const sitemapEntriesInput = z
  .object({ page: z.number().int().min(1).max(10_000).default(1) })
  .strict();
export type SitemapEntriesInput = z.infer<typeof sitemapEntriesInput>;

// ---- Stock holds for checkouts (procedures/stock-holds.ts)

/** The caller's id for one checkout's hold (the order saga uses the order number). */
const reservationIdInput = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9:_-]*$/, 'must be letters, digits, ":", "_" or "-"');

export const reserveStockInput = z
  .object({
    reservationId: reservationIdInput,
    lines: z
      .array(z.object({ sku: skuInput, quantity: z.number().int().min(1).max(10_000) }).strict())
      .min(1)
      .max(100),
    /** How long the hold lasts; default RESERVATION_TTL_SECONDS (15 minutes). */
    ttlSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .strict();
export type ReserveStockInput = z.infer<typeof reserveStockInput>;

const reservationRef = z.object({ reservationId: reservationIdInput }).strict();

export const releaseStockInput = reservationRef;
export type ReleaseStockInput = z.infer<typeof releaseStockInput>;
export const commitStockInput = reservationRef;
export type CommitStockInput = z.infer<typeof commitStockInput>;
export const returnStockInput = reservationRef;
export type ReturnStockInput = z.infer<typeof returnStockInput>;

// ---- Carts and checkout (procedures/sku-details.ts)

export const skuDetailsInput = z.strictObject({
  skus: z
    .array(z.string().trim().min(1).max(64).toUpperCase())
    .max(100, { error: 'at most 100 SKUs' }),
  /** Read the database even if an answer under a second old is at hand (checkout does). */
  fresh: z.boolean().optional(),
});
export type SkuDetailsInput = z.infer<typeof skuDetailsInput>;

// ---- Staff: products and stock (procedures/staff-catalog.ts)

// Product copy is shown to every shopper: checked as shown text (no bidi tricks, no invisible-only
// names).
const text = requiredShownText;

/** Image URLs: a site path (`/images/...`) or an https URL; never `javascript:` and friends. */
const imageUrl = z
  .string()
  .max(500)
  .refine(
    (url) => /^\/[^/\\]/.test(url) || /^https:\/\/[^\s]+$/.test(url),
    'must be a site path or an https URL',
  );

const variantInput = z
  .object({
    sku: skuInput,
    optionValues: z.array(text(60)).max(3).default([]),
    priceMinor: minorUnitsInput.min(1),
    compareAtPriceMinor: minorUnitsInput.nullish(),
    imageIndex: z.number().int().min(0).max(19).default(0),
    /** GTIN/EAN/UPC: 8 to 14 digits; '' or null clears it. */
    barcode: z
      .string()
      .trim()
      .regex(/^(?:\d{8}|\d{12,14})?$/, 'must be 8, 12, 13 or 14 digits (EAN, UPC or GTIN)')
      .nullish(),
    /** Shipping weight in whole grams. */
    weightGrams: z.number().int().min(0).max(1_000_000).nullish(),
    /**
     * Units on hand. On create, the SKU's starting stock; on update, a count set in the editor
     * (recorded as a stock adjustment; never below what is reserved). Absent: stock unchanged.
     */
    onHand: z.number().int().min(0).max(1_000_000).optional(),
    lowStockThreshold: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type VariantInput = z.output<typeof variantInput>;

/** Every field of a product staff can set; `create` requires some, `update` takes any subset. */
const productFields = {
  slug: slugInput,
  name: text(200),
  description: shownParagraphs(5000),
  /** Rich text from the admin's editor; sanitised on the server, and `description` derived. */
  descriptionHtml: z.string().max(50_000, { error: 'at most 50,000 characters of HTML' }),
  brand: text(100),
  status: z.enum(productStatuses),
  categorySlugs: z
    .array(slugInput)
    .min(1, { error: 'choose at least one category' })
    .max(10, { error: 'at most 10 categories' }),
  collections: z.array(collectionSlugInput).max(3),
  /** Labels rule collections match ("summer"); normalised in inputs/tags.ts. */
  tags: tagsInput,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  /** Which of a country's tax rates applies at checkout (docs/taxes.md). */
  taxClass: z.enum(taxClasses, { error: 'standard, reduced or zero' }),
  options: z
    .array(z.object({ name: text(50), values: z.array(text(60)).min(1).max(50) }).strict())
    .max(3),
  variants: z.array(variantInput).min(1).max(250),
  /** In display order; alt text may wait while a draft (the publish rules require it). */
  images: z.array(z.object({ url: imageUrl, alt: shownText(300) }).strict()).max(20),
  attributes: z.array(z.object({ name: text(50), value: text(200) }).strict()).max(50),
  seo: z
    .object({ title: shownText(120), description: shownText(320) })
    .partial()
    .strict(),
  /** When it was (or counts as) published; never in the future (scheduling is not offered). */
  publishedAt: z.iso
    .datetime({ offset: true, error: 'must be a date and time' })
    .refine((value) => Date.parse(value) <= Date.now() + 60_000, {
      error: 'cannot be in the future',
    })
    .nullable(),
};

/** `product.create` (staff). */
export const createInput = z
  .object({
    ...productFields,
    description: productFields.description.default(''),
    descriptionHtml: productFields.descriptionHtml.optional(),
    publishedAt: productFields.publishedAt.optional(),
    status: productFields.status.default('draft'),
    collections: productFields.collections.default([]),
    tags: productFields.tags.default([]),
    currency: productFields.currency.default('EUR'),
    taxClass: productFields.taxClass.default('standard'),
    options: productFields.options.default([]),
    images: productFields.images.default([]),
    attributes: productFields.attributes.default([]),
    seo: productFields.seo.default({}),
  })
  .strict()
  .superRefine((product, context) => checkVariants(product, context));
export type CreateInput = z.infer<typeof createInput>;

/**
 * `product.update` (staff): the changes are merged onto the stored product. `expectedVersion` is
 * the version the editor loaded: if another save came first the update is refused (CONFLICT).
 * Without it (scripts, older callers) the last save wins.
 */
export const updateInput = z
  .object({
    id: objectIdInput,
    expectedVersion: z.number().int().min(0).optional(),
    changes: z.object(productFields).partial().strict(),
  })
  .strict();
export type UpdateInput = z.infer<typeof updateInput>;
export type ProductChanges = UpdateInput['changes'];

/**
 * Variants must fit the options (one value per option, each a listed value, no two alike),
 * SKUs must be unique, an image index must point at an image, and a compare-at price must be
 * above the price. Also run on the merged result of an update.
 */
export function checkVariants(
  product: {
    options?: { name: string; values: string[] }[];
    variants?: VariantInput[];
    images?: unknown[];
  },
  context: z.RefinementCtx,
): void {
  const options = product.options ?? [];
  const variants = product.variants ?? [];
  const imageCount = product.images?.length ?? 0;
  const skus = new Set<string>();
  const combinations = new Set<string>();
  variants.forEach((variant, index) => {
    const path = ['variants', index];
    if (skus.has(variant.sku)) {
      context.addIssue({ code: 'custom', path: [...path, 'sku'], message: 'SKU repeated' });
    }
    skus.add(variant.sku);
    if (variant.optionValues.length !== options.length) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'optionValues'],
        message: `needs one value per option (${options.length})`,
      });
    } else {
      variant.optionValues.forEach((value, optionIndex) => {
        if (!options[optionIndex]?.values.includes(value)) {
          context.addIssue({
            code: 'custom',
            path: [...path, 'optionValues', optionIndex],
            message: `"${value}" is not a value of ${options[optionIndex]?.name ?? 'the option'}`,
          });
        }
      });
    }
    const combination = JSON.stringify(variant.optionValues);
    if (combinations.has(combination)) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'optionValues'],
        message: 'two variants have the same option values',
      });
    }
    combinations.add(combination);
    if (variant.imageIndex > 0 && variant.imageIndex >= imageCount) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'imageIndex'],
        message: 'points past the images',
      });
    }
    if (variant.compareAtPriceMinor != null && variant.compareAtPriceMinor <= variant.priceMinor) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'compareAtPriceMinor'],
        message: 'must be above the price',
      });
    }
  });
}

export const archiveInput = z.object({ id: objectIdInput }).strict();
export type ArchiveInput = z.infer<typeof archiveInput>;

export const adjustStockInput = z.union([
  z
    .object({
      sku: skuInput,
      delta: z.number().int().min(-1_000_000).max(1_000_000),
      reason: requiredShownText(200),
    })
    .strict(),
  z
    .object({
      sku: skuInput,
      onHand: z.number().int().min(0).max(1_000_000),
      reason: requiredShownText(200),
    })
    .strict(),
]);
export type AdjustStockInput = z.infer<typeof adjustStockInput>;

/** How staff can order the product table; `updated` (most recently changed first) by default. */
export const adminProductSorts = [
  'updated',
  'name_asc',
  'name_desc',
  'price_asc',
  'price_desc',
  'newest',
] as const;
export type AdminProductSort = (typeof adminProductSorts)[number];

/** Stock states staff filter on: any SKU at or below its threshold counts as low. */
export const adminStockStates = ['in_stock', 'low_stock', 'out_of_stock'] as const;

/**
 * Staff's product table: any status; a text filter (name, slug, brand, SKU, barcode); a
 * category (with everything below it), brand and stock state; an order and a page.
 */
export const adminListInput = z
  .object({
    status: z.enum(productStatuses).optional(),
    q: z.string().trim().max(100).optional(),
    categorySlug: slugInput.optional(),
    brand: shownText(100).optional(),
    stock: z.enum(adminStockStates).optional(),
    /** Kept for older callers: the same as `stock: 'low_stock'`. */
    lowStock: z.boolean().optional(),
    sort: z.enum(adminProductSorts).default('updated'),
    ...paginationInput,
  })
  .strict()
  .default({ page: 1, pageSize: 24, sort: 'updated' });
export type AdminListInput = z.infer<typeof adminListInput>;

/** `product.byId` (staff): one product, everything the editor shows. */
export const byIdInput = z.object({ id: objectIdInput }).strict();
export type ByIdInput = z.infer<typeof byIdInput>;

/** A bulk action's key: made by the admin once per confirmed action, reused on retries. */
const bulkKeyInput = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, "_" or "-"');

export const bulkActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('publish') }).strict(),
  z.object({ type: z.literal('archive') }).strict(),
  z.object({ type: z.literal('moveToCategory'), categorySlug: slugInput }).strict(),
  z
    .object({
      type: z.literal('changePrice'),
      /** Minor units added to every variant's price (negative lowers it). */
      amountMinor: z.number().int().min(-1_000_000_000).max(1_000_000_000),
    })
    .strict(),
  z
    .object({
      type: z.literal('changePercent'),
      /** Percent added to every variant's price, two decimals at most (-10 lowers by 10 %). */
      percent: z
        .number()
        .min(-99)
        .max(1000)
        .refine((value) => Number.isInteger(value * 100), { error: 'at most two decimals' }),
    })
    .strict(),
]);
export type BulkAction = z.infer<typeof bulkActionInput>;

/**
 * `product.bulk` (staff): one action on up to 100 products. Idempotent under `key`: a product
 * the key was already applied to is left alone, so a retry never doubles a price change.
 */
export const bulkInput = z
  .object({
    key: bulkKeyInput,
    ids: z.array(objectIdInput).min(1).max(100),
    action: bulkActionInput,
  })
  .strict();
export type BulkInput = z.infer<typeof bulkInput>;

// ---- Staff: categories (procedures/staff-categories.ts)

const categoryFields = {
  name: requiredShownText(100),
  description: shownParagraphs(1000),
  position: z.number().int().min(0).max(10_000),
  parentSlug: slugInput.nullable(),
};

export const createCategoryInput = z
  .object({
    slug: slugInput,
    name: categoryFields.name,
    description: categoryFields.description.default(''),
    position: categoryFields.position.optional(),
    parentSlug: categoryFields.parentSlug.optional(),
  })
  .strict();
export type CreateCategoryInput = z.infer<typeof createCategoryInput>;

export const updateCategoryInput = z
  .object({ slug: slugInput, ...categoryFields })
  .partial()
  .required({ slug: true })
  .strict();
export type UpdateCategoryInput = z.infer<typeof updateCategoryInput>;

/** Sets the order of one parent's subcategories (null: the top level), first to last. */
export const reorderCategoriesInput = z
  .object({
    parentSlug: slugInput.nullable(),
    slugs: z.array(slugInput).min(1).max(200),
  })
  .strict();
export type ReorderCategoriesInput = z.infer<typeof reorderCategoriesInput>;

export const deleteCategoryInput = z.object({ slug: slugInput }).strict();
export type DeleteCategoryInput = z.infer<typeof deleteCategoryInput>;

// ---- The review cell's rating summary (procedures/ratings.ts)

export const setRatingSummaryInput = z
  .object({
    productId: objectIdInput,
    average: z.number().min(0).max(5),
    count: z.number().int().min(0).max(100_000_000),
  })
  .strict()
  .refine((rating) => rating.count > 0 || rating.average === 0, {
    message: 'no reviews means an average of 0',
    path: ['average'],
  });
export type SetRatingSummaryInput = z.infer<typeof setRatingSummaryInput>;

// ---- Staff: inventory (procedures/staff-inventory.ts) and CSV (procedures/staff-csv.ts)

export const inventoryListInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    /** Only SKUs at or below their own low-stock threshold. */
    lowStock: z.boolean().optional(),
    ...paginationInput,
  })
  .strict()
  .default({ page: 1, pageSize: defaultPageSize });
export type InventoryListInput = z.infer<typeof inventoryListInput>;

export const stockMovementsInput = z
  .object({ sku: skuInput, page: z.number().int().min(1).max(1_000).default(1) })
  .strict();
export type StockMovementsInput = z.infer<typeof stockMovementsInput>;

/** The reasons staff give for a stock change (the ledger adds system ones). */
export const staffStockReasons = ['received', 'damaged', 'counted', 'returned'] as const;

const adjustmentFields = {
  sku: skuInput,
  reason: z.enum(staffStockReasons),
  note: shownText(200).optional(),
};

/** `product.adjustInventory`: units added or removed (`delta`), or a count (`onHand`). */
export const adjustInventoryInput = z.union([
  z
    .object({ ...adjustmentFields, delta: z.number().int().min(-1_000_000).max(1_000_000) })
    .strict()
    .refine((input) => input.delta !== 0, { error: 'must not be 0', path: ['delta'] }),
  z.object({ ...adjustmentFields, onHand: z.number().int().min(0).max(1_000_000) }).strict(),
]);
export type AdjustInventoryInput = z.infer<typeof adjustInventoryInput>;

export const setLowStockThresholdInput = z
  .object({ sku: skuInput, lowStockThreshold: z.number().int().min(0).max(100_000) })
  .strict();
export type SetLowStockThresholdInput = z.infer<typeof setLowStockThresholdInput>;

/**
 * A CSV arrives in parts of at most 256 Ki characters (each call stays under the 1 MiB body
 * limit of the gateway and the cell host, JSON escaping included), 32 parts (8 Mi characters)
 * at most.
 */
export const csvPartMaxChars = 262_144;
export const csvMaxParts = 32;

const csvImportIdInput = z.object({ importId: objectIdInput }).strict();

export const startCsvImportInput = z
  .object({
    kind: z.enum(['products', 'stock']),
    /** Shown back to staff: no control or bidi characters, no folders. */
    fileName: requiredShownText(200).refine((name) => !/[\\/]/.test(name), {
      error: 'must be a file name',
    }),
    partCount: z.number().int().min(1).max(csvMaxParts),
  })
  .strict();
export type StartCsvImportInput = z.infer<typeof startCsvImportInput>;

export const uploadCsvImportPartInput = z
  .object({
    importId: objectIdInput,
    index: z
      .number()
      .int()
      .min(0)
      .max(csvMaxParts - 1),
    text: z.string().max(csvPartMaxChars, { error: 'a part is at most 262,144 characters' }),
  })
  .strict();
export type UploadCsvImportPartInput = z.infer<typeof uploadCsvImportPartInput>;

export const previewCsvImportInput = csvImportIdInput;
export type PreviewCsvImportInput = z.infer<typeof previewCsvImportInput>;
export const applyCsvImportInput = csvImportIdInput;
export type ApplyCsvImportInput = z.infer<typeof applyCsvImportInput>;
export const csvImportInput = csvImportIdInput;
export type CsvImportInput = z.infer<typeof csvImportInput>;
export const csvImportReportInput = csvImportIdInput;
export type CsvImportReportInput = z.infer<typeof csvImportReportInput>;
