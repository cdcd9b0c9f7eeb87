import 'server-only';
import { cache } from 'react';
import { callCell } from './cell-call';
import { cells } from './cells';

/**
 * Catalogue reads shared by a page and its metadata. `cache` makes each one a single cell call
 * per request even when both `generateMetadata` and the page ask for it.
 */
export const getProduct = cache((slug: string) =>
  callCell(({ signal }) => cells().product.bySlug.query({ slug }, { signal })),
);

export const getCategories = cache(() =>
  callCell(({ signal }) => cells().product.categories.query(undefined, { signal })),
);

export const listProducts = cache((page: number, pageSize: number, categorySlug?: string) =>
  callCell(({ signal }) =>
    cells().product.list.query({ page, pageSize, categorySlug }, { signal }),
  ),
);

export const searchProducts = cache((q: string, page: number, pageSize: number) =>
  callCell(({ signal }) => cells().search.query.query({ q, page, pageSize }, { signal })),
);

/** Slugs are lowercase words and hyphens; anything else cannot name a product or category. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 120;
}
