import { ProductImage } from '@shop/ui';
import type { CartLine } from './cart-types';

/** A cart line's small square image (decorative: the product's name is beside it). */
export function LineThumbnail({ line, className }: { line: CartLine; className?: string }) {
  return (
    <div className={className ?? 'w-16 shrink-0 overflow-hidden rounded-control'}>
      <ProductImage
        slug={line.slug}
        name={line.name}
        imageUrl={line.imageUrl}
        decorative
        shape="square"
      />
    </div>
  );
}
