import type { ElementType, ReactNode } from 'react';
import { Badge } from './badge';
import { classNames } from './class-names';
import { Price } from './price';
import { ProductImage } from './product-image';
import { RatingStars } from './rating-stars';

/** What a card needs to know about a product (a subset of the catalogue's product summary). */
export interface ProductCardProduct {
  slug: string;
  name: string;
  brand: string;
  priceMinor: number;
  /** The dearest variant: the card shows a range when it differs. */
  priceMaxMinor?: number;
  compareAtPriceMinor?: number | null;
  currency: string;
  image: { url: string; alt: string } | null;
  inStock?: boolean;
  rating?: { average: number; count: number };
}

export interface ProductCardProps {
  product: ProductCardProduct;
  href: string;
  /** The link element: pass the app's router link (e.g. next/link) for client-side navigation. */
  linkAs?: ElementType;
  headingLevel?: 'h2' | 'h3';
  locale?: string;
  badge?: ReactNode;
  /** Load the image eagerly (cards in the first visible row). */
  priority?: boolean;
  /** A short line under the price, e.g. "incl. VAT". */
  priceNote?: string;
  className?: string;
}

/**
 * A product tile: image, brand, name, rating and price. The name is the link and its hit area is
 * stretched over the whole card, so the card is one tab stop that reads as the product name.
 */
export function ProductCard({
  product,
  href,
  linkAs: Link = 'a',
  headingLevel: Heading = 'h3',
  locale,
  badge,
  priority,
  priceNote,
  className,
}: ProductCardProps) {
  const onSale =
    product.compareAtPriceMinor != null && product.compareAtPriceMinor > product.priceMinor;
  const corner =
    badge ??
    (product.inStock === false ? (
      <Badge tone="neutral">Sold out</Badge>
    ) : onSale ? (
      <Badge tone="danger">Sale</Badge>
    ) : null);
  return (
    <article
      data-testid="product-card"
      data-product-slug={product.slug}
      className={classNames(
        'group relative flex flex-col overflow-hidden rounded-card border border-line bg-surface shadow-card transition-shadow',
        'focus-within:shadow-raised hover:shadow-raised',
        className,
      )}
    >
      <div className="relative overflow-hidden">
        <ProductImage
          slug={product.slug}
          name={product.name}
          imageUrl={product.image?.url}
          decorative
          priority={priority}
          className="transition-transform duration-300 group-hover:scale-[1.02]"
        />
        {corner ? <div className="absolute top-3 left-3">{corner}</div> : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-4">
        <p className="text-xs font-medium tracking-wide text-ink-subtle uppercase">
          {product.brand}
        </p>
        <Heading className="text-sm leading-snug font-medium text-ink">
          <Link
            href={href}
            className="after:absolute after:inset-0 after:rounded-card focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-accent-600"
          >
            {product.name}
          </Link>
        </Heading>
        {product.rating ? (
          <RatingStars average={product.rating.average} count={product.rating.count} />
        ) : null}
        <Price
          minor={product.priceMinor}
          maxMinor={product.priceMaxMinor}
          compareAtMinor={product.compareAtPriceMinor}
          currency={product.currency}
          locale={locale}
          className="mt-auto pt-2 text-base"
        />
        {priceNote ? (
          <p className="text-xs text-ink-subtle" data-testid="price-tax-note">
            {priceNote}
          </p>
        ) : null}
      </div>
    </article>
  );
}
