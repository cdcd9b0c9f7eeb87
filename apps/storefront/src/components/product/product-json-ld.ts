import type { ProductDetail, StockState } from '@shop/api/client';
import { minorToDecimalString } from '@shop/money';

const availability: Record<StockState, string> = {
  in_stock: 'https://schema.org/InStock',
  low_stock: 'https://schema.org/LimitedAvailability',
  out_of_stock: 'https://schema.org/OutOfStock',
};

/**
 * Product JSON-LD: one Offer per variant (price as a decimal string in the product's currency,
 * availability, a URL that opens that variant), and aggregateRating only when there are reviews
 * (an empty rating is invalid structured data).
 */
export function productJsonLd(product: ProductDetail, url: (path: string) => string) {
  const productUrl = url(`/products/${product.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.seo.description || product.description,
    sku: product.variants[0]?.sku,
    brand: { '@type': 'Brand', name: product.brand },
    url: productUrl,
    image: product.images.map((image) => url(image.url)),
    ...(product.attributes.length
      ? {
          additionalProperty: product.attributes.map((attribute) => ({
            '@type': 'PropertyValue',
            name: attribute.name,
            value: attribute.value,
          })),
        }
      : {}),
    offers: product.variants.map((variant) => ({
      '@type': 'Offer',
      sku: variant.sku,
      name: variant.optionValues.join(' / ') || product.name,
      price: minorToDecimalString(variant.priceMinor, product.currency),
      priceCurrency: product.currency,
      availability: availability[variant.stock],
      itemCondition: 'https://schema.org/NewCondition',
      url: `${productUrl}?sku=${encodeURIComponent(variant.sku)}`,
    })),
    ...(product.rating.count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: product.rating.average.toFixed(1),
            reviewCount: product.rating.count,
            bestRating: '5',
            worstRating: '1',
          },
        }
      : {}),
  };
}
