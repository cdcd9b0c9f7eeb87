import type { Product } from '@shop/db/product';
import type { Types } from 'mongoose';
import type { ProductSummary } from '../product/types';
import type { CategoryTree } from './category-tree';
import { bucketKeyOf } from './price-buckets';

/** Attributes offered as facets (`attr.<Name>`); from product attributes and variant options. */
export const mainAttributeNames = ['Colour', 'Material', 'Size'] as const;
export type MainAttributeName = (typeof mainAttributeNames)[number];

const attributeAliases: Readonly<Record<string, MainAttributeName>> = {
  colour: 'Colour',
  color: 'Colour',
  material: 'Material',
  size: 'Size',
};

/** The fields of a stored product the index reads (the projection of every catalog read). */
export const indexedProductFields = {
  slug: 1,
  name: 1,
  brand: 1,
  status: 1,
  categorySlugs: 1,
  currency: 1,
  options: 1,
  variants: 1,
  images: 1,
  attributes: 1,
  priceMinMinor: 1,
  priceMaxMinor: 1,
  inStock: 1,
  rating: 1,
  publishedAt: 1,
  updatedAt: 1,
} as const;

/**
 * A product as read from products_db with `lean()` and the projection above: plain objects (the
 * catalog generator's output has the same shape, which is what the benchmark indexes).
 */
export interface StoredProduct {
  /** An ObjectId from the database; its hex string from the catalog generator. */
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
  priceMinMinor: number;
  priceMaxMinor: number;
  inStock: boolean;
  rating?: { average?: number | null; count?: number | null } | null;
  publishedAt?: Date | null;
  updatedAt?: Date | null;
}

/** One active product as the index keeps it: the card it answers with, plus facet values. */
export interface IndexedProduct {
  id: string;
  /** Position in the index that holds it (set by the index; -1 until then). */
  slot: number;
  /** The stored `updatedAt` this entry was built from: freshness compares it. */
  version: number;
  summary: ProductSummary;
  /** Own categories plus their ancestors. */
  categories: string[];
  priceMinor: number;
  /** The price facet bucket `priceMinor` falls in. */
  priceBucket: string;
  ratingAverage: number;
  ratingCount: number;
  inStock: boolean;
  publishedAt: number;
  attributes: Partial<Record<MainAttributeName, string[]>>;
}

/** What the full-text index sees of a product (not kept after indexing). */
export interface SearchableText {
  id: string;
  name: string;
  brand: string;
  categories: string;
  attributes: string;
}

export function versionOf(product: Pick<StoredProduct, 'updatedAt'>): number {
  return product.updatedAt ? product.updatedAt.getTime() : 0;
}

function cheapestCompareAt(product: StoredProduct): number | null {
  let cheapest: (typeof product.variants)[number] | undefined;
  for (const variant of product.variants) {
    if (!cheapest || variant.priceMinor < cheapest.priceMinor) cheapest = variant;
  }
  const compareAt = cheapest?.compareAtPriceMinor;
  return cheapest && compareAt != null && compareAt > cheapest.priceMinor ? compareAt : null;
}

function mainAttributesOf(product: StoredProduct): IndexedProduct['attributes'] {
  const values = new Map<MainAttributeName, Set<string>>();
  const add = (rawName: string, value: string) => {
    const name = attributeAliases[rawName.trim().toLocaleLowerCase('en')];
    if (!name || value.trim() === '') return;
    let set = values.get(name);
    if (!set) values.set(name, (set = new Set()));
    set.add(value.trim());
  };
  for (const attribute of product.attributes) add(attribute.name, attribute.value);
  for (const option of product.options) for (const value of option.values) add(option.name, value);
  return Object.fromEntries([...values].map(([name, set]) => [name, [...set]]));
}

export function toIndexedProduct(product: StoredProduct, tree: CategoryTree): IndexedProduct {
  const id = product._id.toString();
  const image = product.images[0];
  return {
    id,
    slot: -1,
    version: versionOf(product),
    summary: {
      id,
      slug: product.slug,
      name: product.name,
      brand: product.brand,
      priceMinor: product.priceMinMinor,
      priceMaxMinor: product.priceMaxMinor,
      compareAtPriceMinor: cheapestCompareAt(product),
      currency: product.currency,
      image: image ? { url: image.url, alt: image.alt } : null,
      categorySlugs: [...product.categorySlugs],
      inStock: product.inStock,
      rating: { average: product.rating?.average ?? 0, count: product.rating?.count ?? 0 },
    },
    categories: tree.expand(product.categorySlugs),
    priceMinor: product.priceMinMinor,
    priceBucket: bucketKeyOf(product.priceMinMinor),
    ratingAverage: product.rating?.average ?? 0,
    ratingCount: product.rating?.count ?? 0,
    inStock: product.inStock,
    publishedAt: product.publishedAt ? product.publishedAt.getTime() : 0,
    attributes: mainAttributesOf(product),
  };
}

export function searchableTextOf(product: IndexedProduct, tree: CategoryTree): SearchableText {
  return {
    id: product.id,
    name: product.summary.name,
    brand: product.summary.brand,
    categories: product.categories.map((slug) => tree.nameOf(slug)).join(' '),
    attributes: Object.values(product.attributes).flat().join(' '),
  };
}
