import type { ProductSummary } from '@shop/api/client';
import { ProductCard } from '@shop/ui';
import Link from 'next/link';
import { pricesIncludeTax } from '@/server/tax-display';
import { priceTaxNote } from './tax-labels';

/**
 * Product cards in a responsive grid: two columns on phones up to four on wide screens. Each
 * price says whether it includes tax (the store's setting).
 */
export async function ProductGrid({
  products,
  headingLevel = 'h3',
  priorityCount = 4,
}: {
  products: ProductSummary[];
  headingLevel?: 'h2' | 'h3';
  /** How many leading images load eagerly (the first row, when the grid is above the fold). */
  priorityCount?: number;
}) {
  const taxIncluded = await pricesIncludeTax();
  const priceNote = taxIncluded === null ? undefined : priceTaxNote(taxIncluded);
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-5 md:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id} className="flex">
          <ProductCard
            product={product}
            href={`/products/${product.slug}`}
            linkAs={Link}
            headingLevel={headingLevel}
            priority={index < priorityCount}
            priceNote={priceNote}
            className="w-full"
          />
        </li>
      ))}
    </ul>
  );
}
