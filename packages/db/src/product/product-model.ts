import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { currencyField, minorUnitsField } from '../schema-fields/money-fields';
import { slugField } from '../schema-fields/slug-field';
import { taxClassField } from '../schema-fields/tax-class-field';

export { taxClasses, type TaxClass } from '../schema-fields/tax-class-field';

export const productStatuses = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** Home-page collections a product can be placed in. */
export const collectionSlugs = ['featured', 'new-arrivals', 'best-sellers'] as const;
export type CollectionSlug = (typeof collectionSlugs)[number];

const wholeNumber = { validator: Number.isInteger, message: '{PATH} must be a whole number' };

const imageSchema = new Schema(
  {
    url: { type: String, required: true },
    /**
     * Describes the picture for screen readers. A draft may hold an image still without one (just
     * uploaded); the product cell's publish rules refuse to make such a product active.
     */
    alt: { type: String, default: '', trim: true },
  },
  { _id: false },
);

/** One option axis, e.g. `{ name: 'Size', values: ['S', 'M', 'L'] }`, in display order. */
const optionSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    values: { type: [String], required: true },
  },
  { _id: false },
);

/**
 * One buyable combination of option values. Stock is NOT here: it lives in `InventoryItem` (one
 * per SKU), so reservations are single-document atomic updates without positional operators.
 */
const variantSchema = new Schema(
  {
    sku: { type: String, required: true, trim: true, uppercase: true },
    /** One value per product option, in the product's option order: `['M', 'Blue']`. */
    optionValues: { type: [String], default: [] },
    priceMinor: minorUnitsField(),
    /** The "was" price shown struck through; only meaningful when above `priceMinor`. */
    compareAtPriceMinor: { ...minorUnitsField(), required: false },
    /** Index into the product's `images` shown for this variant (for example its colour). */
    imageIndex: { type: Number, default: 0, min: 0, validate: wholeNumber },
    /** GTIN/EAN/UPC as printed under the bar code; optional. */
    barcode: { type: String, trim: true },
    /** Shipping weight in whole grams; optional. */
    weightGrams: { type: Number, min: 0, validate: wholeNumber },
  },
  { _id: false },
);

const attributeSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    value: { type: String, required: true, trim: true },
  },
  { _id: false },
);

export const productSchema = new Schema(
  {
    slug: slugField(),
    name: { type: String, required: true, trim: true },
    /** Plain text (paragraphs split by blank lines): what the storefront and search show. */
    description: { type: String, default: '' },
    /**
     * The staff-written rich text, sanitised by the product cell on every write (allowlisted
     * tags, no attributes but safe links). `description` is derived from it when it is set.
     */
    descriptionHtml: { type: String, default: '' },
    brand: { type: String, required: true, trim: true },
    status: { type: String, enum: productStatuses, required: true, default: 'draft' },
    /** Categories the product is placed in (any level of the tree); ancestors are implied. */
    categorySlugs: { type: [String], default: [] },
    collections: { type: [String], enum: collectionSlugs, default: [] },
    /** Free labels for rule collections ("summer"): lower-case, normalised by the product cell. */
    tags: { type: [String], default: [] },
    currency: currencyField(),
    /** Which of a country's tax rates applies (read by the order cell at checkout). */
    taxClass: taxClassField(),
    options: { type: [optionSchema], default: [] },
    variants: {
      type: [variantSchema],
      validate: {
        validator: (variants: unknown[]) => variants.length > 0,
        message: 'a product needs at least one variant',
      },
    },
    images: { type: [imageSchema], default: [] },
    attributes: { type: [attributeSchema], default: [] },
    seo: {
      title: { type: String, trim: true },
      description: { type: String, trim: true },
    },
    /**
     * Denormalised from the variants (cheapest and dearest) and from inventory, so listings can
     * filter and sort without reading either. The product cell keeps them in step on every write.
     */
    priceMinMinor: minorUnitsField(),
    priceMaxMinor: minorUnitsField(),
    inStock: { type: Boolean, default: false },
    /** Written by the review cell (through the product cell), never by shoppers. */
    rating: {
      average: { type: Number, default: 0, min: 0, max: 5 },
      count: { type: Number, default: 0, min: 0, validate: wholeNumber },
    },
    /** When it first became active (staff may set it, never in the future): "newest" sorts by it. */
    publishedAt: { type: Date },
    /**
     * Bumped by every staff save: an editor sends the version it loaded and the save is refused
     * (CONFLICT) if another save came first, instead of silently overwriting it.
     */
    version: { type: Number, default: 0, min: 0, validate: wholeNumber },
    /**
     * Keys of the last staff bulk actions applied to this product: the bulk update's filter
     * excludes a key already here, so a repeated request (a retry, a double click) never
     * applies a price change twice. Kept short (the newest 20).
     */
    bulkKeys: { type: [String], default: [] },
  },
  { timestamps: true },
);
productSchema.index({ slug: 1 }, { unique: true });
productSchema.index({ 'variants.sku': 1 });
// Category listings: active products of a category, newest first.
productSchema.index({ status: 1, categorySlugs: 1, publishedAt: -1 });
productSchema.index({ status: 1, collections: 1 });
// Rule collections ("tag is summer") among active products.
productSchema.index({ status: 1, tags: 1 });
// Search reconciliation reads what changed since its last pass.
productSchema.index({ updatedAt: 1 });
// The admin table's brand filter and its list of brands (a DISTINCT_SCAN of this index).
productSchema.index({ brand: 1 });

export type Product = InferSchemaType<typeof productSchema>;
export type ProductDocument = HydratedDocument<Product>;

export function productModel(connection: Connection) {
  return connection.model('Product', productSchema);
}
