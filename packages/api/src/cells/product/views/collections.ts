import type { Collection, CollectionKind, CollectionSort, ProductStatus } from '@shop/db/product';
import type { Types } from 'mongoose';
import { rulesOf } from '../collection-rules';
import type { CollectionCondition } from '../inputs/collections';
import type { ProductImage, ProductSummary } from '../views';

/** A collection in staff's list. */
export interface AdminCollectionSummary {
  id: string;
  handle: string;
  title: string;
  kind: CollectionKind;
  /** Active products shoppers see in it now. */
  activeProductCount: number;
  version: number;
  updatedAt: string;
}

/** A product as the collection editor lists it (any status: staff see drafts too). */
export interface CollectionProductRow {
  id: string;
  slug: string;
  name: string;
  brand: string;
  status: ProductStatus;
  image: ProductImage | null;
  priceMinMinor: number;
  currency: string;
}

/** Everything the collection editor shows and saves back. */
export interface AdminCollectionDetail {
  id: string;
  handle: string;
  title: string;
  description: string;
  kind: CollectionKind;
  /** Manual collections: their products in order (missing ones left out). */
  products: CollectionProductRow[];
  match: 'all' | 'any';
  conditions: CollectionCondition[];
  sort: CollectionSort;
  activeProductCount: number;
  version: number;
  updatedAt: string;
}

/** The editor's live preview of a rule. */
export interface CollectionPreview {
  /** Products shoppers would see (active). */
  activeCount: number;
  /** Drafts that would join once published. */
  draftCount: number;
  /** The first matches (active and drafts), newest first. */
  items: CollectionProductRow[];
}

/** Which collections a product is in (the product editor). */
export interface ProductCollectionMembership {
  id: string;
  handle: string;
  title: string;
  kind: CollectionKind;
}

/** A collection's storefront page: its active products, paged. */
export interface CollectionPage {
  collection: { handle: string; title: string; description: string };
  items: ProductSummary[];
  totalCount: number;
  page: number;
  hasMore: boolean;
}

/** A link to a collection (home page and navigation). */
export interface CollectionLink {
  handle: string;
  title: string;
}

export type StoredCollection = Collection & {
  _id: Types.ObjectId;
  updatedAt?: Date;
};

export interface StoredProductRow {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  brand: string;
  status: ProductStatus;
  images: { url: string; alt: string }[];
  priceMinMinor: number;
  currency: string;
}

/** The fields a collection product row reads. */
export const collectionProductRowProjection = {
  slug: 1,
  name: 1,
  brand: 1,
  status: 1,
  images: 1,
  priceMinMinor: 1,
  currency: 1,
} as const;

export function toCollectionProductRow(product: StoredProductRow): CollectionProductRow {
  const image = product.images[0];
  return {
    id: product._id.toString(),
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    status: product.status,
    image: image ? { url: image.url, alt: image.alt } : null,
    priceMinMinor: product.priceMinMinor,
    currency: product.currency,
  };
}

export function toAdminCollectionSummary(
  collection: StoredCollection,
  activeProductCount: number,
): AdminCollectionSummary {
  return {
    id: collection._id.toString(),
    handle: collection.handle,
    title: collection.title,
    kind: collection.kind,
    activeProductCount,
    version: collection.version ?? 0,
    updatedAt: (collection.updatedAt ?? new Date(0)).toISOString(),
  };
}

export function toAdminCollectionDetail(
  collection: StoredCollection,
  products: CollectionProductRow[],
  activeProductCount: number,
): AdminCollectionDetail {
  const rules = rulesOf(collection);
  return {
    ...toAdminCollectionSummary(collection, activeProductCount),
    description: collection.description ?? '',
    products,
    match: rules.match,
    conditions: rules.conditions,
    sort: collection.sort ?? 'newest',
  };
}

export function toMembership(collection: StoredCollection): ProductCollectionMembership {
  return {
    id: collection._id.toString(),
    handle: collection.handle,
    title: collection.title,
    kind: collection.kind,
  };
}
