import type { ProductSummary } from '@shop/api/client';
import { buttonClassNames, Container, ProductImage } from '@shop/ui';
import Link from 'next/link';

// Artwork seeds for when the catalogue cannot be loaded: the hero still looks finished.
const fallbackArt: Pick<ProductSummary, 'slug' | 'name' | 'image'>[] = [
  { slug: 'linen-throw', name: 'Linen Throw', image: null },
  { slug: 'stoneware-mug', name: 'Stoneware Mug', image: null },
  { slug: 'field-notebook', name: 'Field Notebook', image: null },
  { slug: 'oak-table', name: 'Oak Table', image: null },
];

/** The home page's opening: what the shop is, where to start, and a glimpse of the catalogue. */
export function Hero({ featured }: { featured: ProductSummary[] }) {
  const tiles: Pick<ProductSummary, 'slug' | 'name' | 'image'>[] =
    featured.length >= 4 ? featured.slice(0, 4) : fallbackArt;
  return (
    <section aria-labelledby="hero-title" className="border-b border-line bg-surface">
      <Container className="grid items-center gap-10 py-12 sm:py-16 lg:grid-cols-2 lg:py-20">
        <div>
          <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">
            New season, same good things
          </p>
          <h1
            id="hero-title"
            className="mt-3 text-4xl font-semibold tracking-tight text-balance text-ink sm:text-5xl"
          >
            Everyday things, thoughtfully made.
          </h1>
          <p className="mt-4 max-w-lg text-lg text-pretty text-ink-muted">
            A small, considered catalogue with honest prices and clear details — delivered quickly,
            returned easily.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/products" className={buttonClassNames({ size: 'lg' })}>
              Shop all products
            </Link>
            <Link
              href="/#categories"
              className={buttonClassNames({ variant: 'secondary', size: 'lg' })}
            >
              Browse categories
            </Link>
          </div>
        </div>
        <div aria-hidden="true" className="hidden grid-cols-2 gap-4 sm:grid">
          {tiles.map((tile, index) => (
            <ProductImage
              key={tile.slug}
              slug={tile.slug}
              name={tile.name}
              imageUrl={tile.image?.url}
              decorative
              priority
              className={
                index % 2 === 1
                  ? 'rounded-card shadow-card sm:translate-y-6'
                  : 'rounded-card shadow-card'
              }
            />
          ))}
        </div>
      </Container>
    </section>
  );
}
