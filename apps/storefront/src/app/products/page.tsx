import { Container, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { pageFromParam } from '@/components/pagination';
import { ProductListing } from '@/components/product-listing';
import { listProducts } from '@/server/catalogue';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'All products',
  description: 'Every product in the Shop catalogue, newest first.',
};

const pageSize = 24;

export default async function ProductsPage({ searchParams }: PageProps<'/products'>) {
  const page = pageFromParam((await searchParams).page);
  const result = await listProducts(page, pageSize);
  return (
    <Container className="mt-10">
      <PageHeader
        title="All products"
        description={result.ok ? `${result.data.totalCount} products, newest first.` : undefined}
        className="mb-8"
      />
      <ProductListing
        result={result}
        page={page}
        pageSize={pageSize}
        hrefFor={(target) => `/products?page=${target}`}
        retryHref={`/products?page=${page}`}
      />
    </Container>
  );
}
