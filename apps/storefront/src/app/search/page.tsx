import {
  Button,
  buttonClassNames,
  Container,
  EmptyState,
  Input,
  Notice,
  PageHeader,
} from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { pageFromParam, Pagination } from '@/components/pagination';
import { ProductGrid } from '@/components/product-grid';
import { searchProducts } from '@/server/catalogue';

export const dynamic = 'force-dynamic';

const pageSize = 24;

function queryFrom(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 200) ?? '';
}

export async function generateMetadata({ searchParams }: PageProps<'/search'>): Promise<Metadata> {
  const q = queryFrom((await searchParams).q);
  return {
    title: q ? `Search: ${q}` : 'Search',
    description: 'Search the Shop catalogue by product name or brand.',
    robots: { index: false },
  };
}

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const params = await searchParams;
  const q = queryFrom(params.q);
  const page = pageFromParam(params.page);
  const result = q ? await searchProducts(q, page, pageSize) : null;

  return (
    <Container className="mt-10">
      <PageHeader
        title={q ? `Results for “${q}”` : 'Search'}
        description={
          result?.ok
            ? `${result.data.totalCount} ${result.data.totalCount === 1 ? 'product' : 'products'} found.`
            : 'Find products by name or brand.'
        }
        className="mb-6"
      />
      <form action="/search" role="search" className="mb-10 flex max-w-xl gap-2">
        <label htmlFor="search-page-query" className="sr-only">
          Search products
        </label>
        <Input
          id="search-page-query"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search products, brands…"
        />
        <Button type="submit">Search</Button>
      </form>

      {result === null ? null : !result.ok ? (
        <Notice
          tone="degraded"
          data-testid="search-unavailable"
          title="Search is taking a break — please try again in a moment"
        >
          The search service did not answer. You can still browse every product from the home page.
        </Notice>
      ) : result.data.results.length === 0 && result.data.totalCount > 0 ? (
        // A page number past the end (an old link): the query does match, just not this far.
        <EmptyState
          title="No more results here"
          description="This page is past the end of the results."
          action={
            <Link
              href={`/search?q=${encodeURIComponent(q)}`}
              className={buttonClassNames({ variant: 'secondary' })}
            >
              Back to the first page
            </Link>
          }
        />
      ) : result.data.results.length === 0 ? (
        <EmptyState
          title={`No products match “${q}”`}
          description="Check the spelling, or try a shorter or more general word."
        />
      ) : (
        <section aria-label="Search results" data-testid="search-results">
          <ProductGrid products={result.data.results} headingLevel="h2" />
          <Pagination
            page={page}
            pageSize={pageSize}
            totalCount={result.data.totalCount}
            hrefFor={(target) => `/search?q=${encodeURIComponent(q)}&page=${target}`}
          />
        </section>
      )}
    </Container>
  );
}
