import { buttonClassNames, Input, Notice, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { InventoryTable } from './inventory-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Inventory' };

const pageSize = 25;

function one(value: string | string[] | undefined, max = 100): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** Stock per SKU: on hand, reserved, available; low-stock list; adjust and history. */
export default async function InventoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('catalog:read', '/inventory');
  const canWrite = session.permissions.has('catalog:write');
  const params = await searchParams;
  const q = one(params.q);
  const lowStock = one(params.low) === '1';
  const pageParam = Number.parseInt(one(params.page), 10);
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 1_000 ? pageParam : 1;
  const stock = await callCell(({ signal }) =>
    cellsAs(session).product.inventoryList.query(
      { page, pageSize, ...(q ? { q } : {}), ...(lowStock ? { lowStock } : {}) },
      { signal },
    ),
  );
  const href = (target: { page?: number; low?: boolean }) =>
    `/inventory?${new URLSearchParams({
      ...(q ? { q } : {}),
      ...((target.low ?? lowStock) ? { low: '1' } : {}),
      ...(target.page && target.page > 1 ? { page: String(target.page) } : {}),
    })}` as Route;
  const pageCount = stock.ok ? Math.max(1, Math.ceil(stock.data.totalCount / pageSize)) : 1;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        eyebrow="Back office"
        title="Inventory"
        description="Units on hand, reserved by open checkouts, and available to sell, per SKU. Every change is kept with who made it and why."
        actions={
          canWrite ? (
            <Link href="/catalog/import" className={buttonClassNames({ variant: 'secondary' })}>
              Adjust from a CSV
            </Link>
          ) : null
        }
      />
      <form
        role="search"
        aria-label="Stock"
        action="/inventory"
        className="grid gap-3 rounded-card border border-line bg-surface p-4 shadow-card sm:grid-cols-[1fr_auto_auto] sm:items-end"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="inventory-search" className="text-sm font-medium text-ink">
            Search by SKU or product
          </label>
          <Input id="inventory-search" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <label className="flex h-10 items-center gap-2 text-sm text-ink">
          <input
            type="checkbox"
            name="low"
            value="1"
            defaultChecked={lowStock}
            className="h-4 w-4"
          />
          Low stock only
        </label>
        <button type="submit" className={buttonClassNames()}>
          Show
        </button>
      </form>
      {stock.ok ? (
        <>
          <p className="text-sm text-ink-muted" data-testid="inventory-summary">
            {stock.data.totalCount} {stock.data.totalCount === 1 ? 'SKU' : 'SKUs'}
            {lowStock ? ' low on stock' : ''}.{' '}
            {!lowStock && stock.data.lowStockCount > 0 ? (
              <Link
                href={'/inventory?low=1' as Route}
                className="font-medium text-warning underline"
              >
                {stock.data.lowStockCount} in the shop at or below their low-stock threshold
              </Link>
            ) : null}
          </p>
          <InventoryTable
            items={stock.data.items}
            canWrite={canWrite}
            filtered={Boolean(q || lowStock)}
          />
          {pageCount > 1 ? (
            <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
              {page > 1 ? (
                <Link
                  href={href({ page: page - 1 })}
                  className={buttonClassNames({ variant: 'secondary' })}
                >
                  Previous
                </Link>
              ) : (
                <span />
              )}
              <span className="text-ink-muted">
                Page {page} of {pageCount}
              </span>
              {stock.data.hasMore ? (
                <Link
                  href={href({ page: page + 1 })}
                  className={buttonClassNames({ variant: 'secondary' })}
                >
                  Next
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      ) : (
        <Notice tone="danger" title="Stock could not be loaded">
          The catalogue service did not answer. Reload the page in a moment.
        </Notice>
      )}
    </div>
  );
}
