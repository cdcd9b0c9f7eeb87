import type { RouterOutputs } from '@shop/api/client';
import { EmptyState, buttonClassNames } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import type { CellResult } from '@/server/cell-call';
import { CatalogueUnavailable } from './catalogue-unavailable';
import { Pagination } from './pagination';
import { ProductGrid } from './product-grid';

export interface ProductListingProps {
  result: CellResult<RouterOutputs['product']['list']>;
  page: number;
  pageSize: number;
  hrefFor: (page: number) => Route;
  retryHref: Route;
}

/** One page of products with pagination, or the catalogue notice, or an empty state. */
export function ProductListing({
  result,
  page,
  pageSize,
  hrefFor,
  retryHref,
}: ProductListingProps) {
  if (!result.ok) return <CatalogueUnavailable retryHref={retryHref} />;
  const { items, totalCount } = result.data;
  if (items.length === 0) {
    return (
      <EmptyState
        title={page > 1 ? 'No more products here' : 'Nothing here yet'}
        description={
          page > 1
            ? 'This page is past the end of the list.'
            : 'No products are listed here at the moment.'
        }
        action={
          <Link href="/products" className={buttonClassNames({ variant: 'secondary' })}>
            Shop all products
          </Link>
        }
      />
    );
  }
  return (
    <>
      <ProductGrid products={items} headingLevel="h2" />
      <Pagination page={page} pageSize={pageSize} totalCount={totalCount} hrefFor={hrefFor} />
    </>
  );
}
