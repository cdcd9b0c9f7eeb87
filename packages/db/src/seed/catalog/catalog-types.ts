import { type CollectionSlug, type ProductStatus } from '../../product/product-model';

/**
 * What `generateCatalog` returns: plain JSON-like objects (no mongoose documents), so the search
 * benchmark can index them without a database and the seed can bulk-insert them as they are.
 * Ids are 24-hex-digit ObjectId strings, deterministic for a given position (see generated-id.ts).
 */
export interface GeneratedCategory {
  _id: string;
  slug: string;
  name: string;
  description: string;
  parentSlug: string | null;
  ancestorSlugs: string[];
  position: number;
}

export interface GeneratedVariant {
  sku: string;
  optionValues: string[];
  priceMinor: number;
  compareAtPriceMinor?: number;
  imageIndex: number;
}

export interface GeneratedProduct {
  _id: string;
  slug: string;
  name: string;
  description: string;
  brand: string;
  status: ProductStatus;
  categorySlugs: string[];
  collections: CollectionSlug[];
  currency: 'EUR';
  options: { name: string; values: string[] }[];
  variants: GeneratedVariant[];
  images: { url: string; alt: string }[];
  attributes: { name: string; value: string }[];
  seo: { title: string; description: string };
  priceMinMinor: number;
  priceMaxMinor: number;
  inStock: boolean;
  rating: { average: number; count: number };
  publishedAt?: Date;
}

export interface GeneratedInventoryItem {
  sku: string;
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
}

export interface GeneratedCatalog {
  categories: GeneratedCategory[];
  products: GeneratedProduct[];
  inventory: GeneratedInventoryItem[];
}
