import type { Product } from '@shop/db/product';
import type { Types } from 'mongoose';

/** What staff see of a product: everything, including status and per-SKU stock counts. */
export interface AdminProduct {
  id: string;
  slug: string;
  name: string;
  brand: string;
  status: string;
  categorySlugs: string[];
  collections: string[];
  priceMinMinor: number;
  priceMaxMinor: number;
  currency: string;
  inStock: boolean;
  variants: {
    sku: string;
    optionValues: string[];
    priceMinor: number;
    compareAtPriceMinor: number | null;
    onHand: number;
    reserved: number;
    available: number;
    lowStock: boolean;
  }[];
  updatedAt: string;
}

type StockRow = {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
};

export function toAdminProduct(
  product: Product & { _id: Types.ObjectId; updatedAt?: Date },
  stock: readonly StockRow[],
): AdminProduct {
  const bySku = new Map(stock.map((row) => [row.sku, row]));
  return {
    id: product._id.toString(),
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    status: product.status,
    categorySlugs: [...product.categorySlugs],
    collections: [...product.collections],
    priceMinMinor: product.priceMinMinor,
    priceMaxMinor: product.priceMaxMinor,
    currency: product.currency,
    inStock: product.inStock,
    variants: product.variants.map((variant) => {
      const row = bySku.get(variant.sku);
      return {
        sku: variant.sku,
        optionValues: [...variant.optionValues],
        priceMinor: variant.priceMinor,
        compareAtPriceMinor: variant.compareAtPriceMinor ?? null,
        onHand: row?.onHand ?? 0,
        reserved: row?.reserved ?? 0,
        available: row?.available ?? 0,
        lowStock: (row?.available ?? 0) <= (row?.lowStockThreshold ?? 0),
      };
    }),
    updatedAt: (product.updatedAt ?? new Date(0)).toISOString(),
  };
}
