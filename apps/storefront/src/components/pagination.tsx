import { buttonClassNames } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';

export interface PaginationProps {
  page: number;
  pageSize: number;
  totalCount: number;
  /** The URL of a page number (keeps the other query parameters). */
  hrefFor: (page: number) => Route;
}

/** Previous / next links with "Page 2 of 5"; hidden when everything fits on one page. */
export function Pagination({ page, pageSize, totalCount, hrefFor }: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  if (pageCount <= 1) return null;
  const linkClass = buttonClassNames({ variant: 'secondary', size: 'sm' });
  const disabledClass = buttonClassNames({
    variant: 'secondary',
    size: 'sm',
    className: 'pointer-events-none opacity-50',
  });
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          Previous
        </span>
      )}
      <p className="text-sm text-ink-muted">
        Page {Math.min(page, pageCount)} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
          Next
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          Next
        </span>
      )}
    </nav>
  );
}

/** Reads a 1-based page number from a search parameter, defaulting to 1 for anything odd. */
export function pageFromParam(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
}
