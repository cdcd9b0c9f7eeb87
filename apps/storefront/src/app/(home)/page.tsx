import { Container, SectionHeading } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { preload } from 'react-dom';
import { CatalogueUnavailable } from '@/components/catalogue-unavailable';
import { CategoryList } from '@/components/category-list';
import { CollectionLinks } from '@/components/collection-links';
import { Hero } from '@/components/hero';
import { ProductGrid } from '@/components/product-grid';
import { getCategoryTree, getCollection, getCollectionLinks } from '@/server/catalogue';
import { absoluteUrl } from '@/server/site-url';

// Rendered per request from cached catalogue reads; `next build` never calls a cell.
export const dynamic = 'force-dynamic';

const description =
  'Featured picks, new arrivals and every category of a considered everyday-goods catalogue, with honest prices.';

export const metadata: Metadata = {
  title: { absolute: 'Shop — everyday things, thoughtfully made' },
  description,
  alternates: { canonical: absoluteUrl('/') },
  openGraph: { title: 'Shop — everyday things, thoughtfully made', description, type: 'website' },
};

export default async function HomePage() {
  const [tree, featured, newArrivals, collectionLinks] = await Promise.all([
    getCategoryTree(),
    getCollection('featured', 8),
    getCollection('new-arrivals', 8),
    getCollectionLinks(),
  ]);
  // The first featured card's image is the largest paint on phones: fetch it with the HTML.
  const leadImage = featured.ok ? featured.data.items[0]?.image : undefined;
  if (leadImage) preload(leadImage.url, { as: 'image', fetchPriority: 'high' });
  const catalogueDown = !tree.ok && !featured.ok && !newArrivals.ok;
  const collections = [
    { id: 'featured', title: 'Featured', result: featured, href: '/products' },
    { id: 'new-arrivals', title: 'New arrivals', result: newArrivals, href: '/products' },
  ] as const;

  return (
    <>
      {catalogueDown || !tree.ok || !featured.ok || !newArrivals.ok ? (
        // First thing on the page, so it is seen before the hero on every screen size.
        <Container className="pt-6">
          <CatalogueUnavailable />
        </Container>
      ) : null}
      <Hero featured={featured.ok ? featured.data.items : []} />
      <Container className="mt-12 flex flex-col gap-16">
        {collections.map(({ id, title, result, href }) =>
          result.ok && result.data.items.length > 0 ? (
            <section key={id} aria-labelledby={id} data-testid={`collection-${id}`}>
              <SectionHeading
                id={id}
                title={title}
                action={
                  <Link
                    href={href as Route}
                    className="font-medium text-accent-700 hover:underline"
                  >
                    Shop all
                  </Link>
                }
              />
              <ProductGrid products={result.data.items} priorityCount={id === 'featured' ? 4 : 0} />
            </section>
          ) : null,
        )}
        {collectionLinks.ok && collectionLinks.data.items.length > 0 ? (
          <section aria-labelledby="collections" data-testid="collection-links">
            <SectionHeading id="collections" title="Shop by collection" />
            <CollectionLinks collections={collectionLinks.data.items} />
          </section>
        ) : null}
        {tree.ok && tree.data.items.length > 0 ? (
          <section aria-labelledby="categories" className="scroll-mt-24">
            <SectionHeading id="categories" title="Shop by category" />
            <CategoryList categories={tree.data.items} />
          </section>
        ) : null}
      </Container>
    </>
  );
}
