import { Container, EmptyState, SectionHeading } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogueUnavailable } from '@/components/catalogue-unavailable';
import { CategoryList } from '@/components/category-list';
import { Hero } from '@/components/hero';
import { ProductGrid } from '@/components/product-grid';
import { callCell } from '@/server/cell-call';
import { cells } from '@/server/cells';

// Live catalogue data on every request; `next build` never calls a cell.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { absolute: 'Shop — everyday things, thoughtfully made' },
  description:
    'New arrivals and every category of a considered everyday-goods catalogue, with honest prices.',
};

export default async function HomePage() {
  const client = cells();
  // Both calls go to the product cell in one HTTP batch.
  const [categories, products] = await Promise.all([
    callCell(({ signal }) => client.product.categories.query(undefined, { signal })),
    callCell(({ signal }) => client.product.list.query({ pageSize: 12 }, { signal })),
  ]);
  const catalogueDown = !categories.ok || !products.ok;

  return (
    <>
      {catalogueDown ? (
        // First thing on the page, so it is seen before the hero on every screen size.
        <Container className="pt-6">
          <CatalogueUnavailable />
        </Container>
      ) : null}
      <Hero featured={products.ok ? products.data.items : []} />
      <Container className="mt-12 flex flex-col gap-16">
        {categories.ok && categories.data.items.length > 0 ? (
          <section aria-labelledby="categories" className="scroll-mt-24">
            <SectionHeading id="categories" title="Shop by category" />
            <CategoryList categories={categories.data.items} />
          </section>
        ) : null}

        {products.ok ? (
          <section aria-labelledby="new-arrivals">
            <SectionHeading
              id="new-arrivals"
              title="New arrivals"
              description={`${products.data.totalCount} products in the catalogue`}
              action={
                <Link href="/products" className="font-medium text-accent-700 hover:underline">
                  Shop all
                </Link>
              }
            />
            {products.data.items.length > 0 ? (
              <ProductGrid products={products.data.items} />
            ) : (
              <EmptyState
                title="The shelves are empty"
                description="No products have been added yet. Check back soon."
              />
            )}
          </section>
        ) : null}
      </Container>
    </>
  );
}
