import type { Product } from '@shop/db/product';
import type { Types } from 'mongoose';
import type { ProductDetail, ProductSummary } from './types';

type StoredProduct = Product & { _id: Types.ObjectId };

/** The public shape of a stored product: no stock level, status or timestamps leave the cell. */
export function toProductSummary(product: StoredProduct): ProductSummary {
  return {
    id: product._id.toString(),
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    priceMinor: product.priceMinor,
    currency: product.currency,
    imageUrl: product.imageUrl ?? null,
    imageAlt: product.imageAlt ?? product.name,
    categorySlugs: [...product.categorySlugs],
  };
}

export function toProductDetail(product: StoredProduct): ProductDetail {
  return { ...toProductSummary(product), description: product.description ?? '' };
}
