import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../router';
import { maxPageSize } from '../../trpc/pagination';
import type { ProductSummary } from '../product/types';

/** The skeleton's search scans the catalogue; this bounds the scan until the real index lands. */
const maxPagesScanned = 20;

/**
 * Every active product, read from the product cell page by page through the typed client. The
 * pages after the first are requested together, so they travel as one HTTP batch.
 */
export async function fetchCatalog(cells: TRPCClient<AppRouter>): Promise<ProductSummary[]> {
  const first = await cells.product.list.query({ page: 1, pageSize: maxPageSize });
  const pageCount = Math.min(Math.ceil(first.totalCount / maxPageSize), maxPagesScanned);
  const rest = await Promise.all(
    Array.from({ length: Math.max(pageCount - 1, 0) }, (_, index) =>
      cells.product.list.query({ page: index + 2, pageSize: maxPageSize }),
    ),
  );
  return [first, ...rest].flatMap((page) => page.items);
}
