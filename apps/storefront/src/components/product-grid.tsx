import type { ProductSummary } from '@shop/api/client';
import { ProductCard } from '@shop/ui';
import Link from 'next/link';

/** Product cards in a responsive grid: two columns on phones up to four on wide screens. */
export function ProductGrid({
  products,
  headingLevel = 'h3',
}: {
  products: ProductSummary[];
  headingLevel?: 'h2' | 'h3';
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-5 md:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id} className="flex">
          <ProductCard
            product={product}
            href={`/products/${product.slug}`}
            linkAs={Link}
            headingLevel={headingLevel}
            // The first row is above the fold; the rest can wait.
            priority={index < 4}
            className="w-full"
          />
        </li>
      ))}
    </ul>
  );
}
