import type { Product } from '@shop/db/product';
import type { Types } from 'mongoose';
import { stockState } from './stock-state';
import type { ProductDetail, ProductSummary } from './types';

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
  StoredProduct,
  | '_id'
  | 'slug'
  | 'name'
  | 'brand'
  | 'priceMinMinor'
  | 'priceMaxMinor'
  | 'currency'
  | 'images'
  | 'categorySlugs'
  | 'inStock'
  | 'rating'
> & {
  variants: { priceMinor: number; compareAtPriceMinor?: number | null }[];
};

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
