import {
  buttonClassNames,
  EmptyState,
  Input,
  Notice,
  PageHeader,
  orderStatusLabel,
  Table,
} from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { orderListColumns, withColumn } from '@/components/orders/order-columns';
import { isOrderStatus, orderStatusOptions } from '@/components/orders/order-labels';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Orders' };

const pageSize = 25;

function pageNumber(value: unknown): number {
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : 1;
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= 1000 ? parsed : 1;
}

const orderColumns = withColumn(
  orderListColumns({
    detail: (order) => (
      <p className="max-w-56 truncate text-xs text-ink-muted">
        {order.firstLineName} · {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
      </p>
    ),
  }),
  {
    key: 'customer',
    header: 'Customer',
    cell: (order) => (
      <>
        <p className="text-ink">{order.customerName || '—'}</p>
        <p className="break-all text-xs text-ink-muted">{order.customerEmail || '—'}</p>
      </>
    ),
  },
  'status',
);

/** Every order, newest first, filtered by status and searched by number, email or name. */
export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission('orders:read', '/orders');
  const params = await searchParams;
  // The order cell reads an order number however staff were told it ("7kq4 m2xh", "100001").
  const q = typeof params.q === 'string' ? params.q.trim().slice(0, 100) : '';
  const status = isOrderStatus(params.status) ? params.status : undefined;
  const page = pageNumber(params.page);
  const orders = await callCell(({ signal }) =>
    cellsAs(session).order.adminList.query(
      { ...(status ? { status } : {}), ...(q ? { q } : {}), page, pageSize },
      { signal },
    ),
  );
  const pageHref = (target: number) =>
    `/orders?${new URLSearchParams({ ...(status ? { status } : {}), ...(q ? { q } : {}), page: String(target) })}` as Route;
  const pageCount = orders.ok ? Math.max(1, Math.ceil(orders.data.total / pageSize)) : 1;
  const filtered = Boolean(q || status);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8">
      <PageHeader
        eyebrow="Back office"
        title="Orders"
        description="Newest first. Filter by status, or search by order number, customer email or name."
      />
      <form role="search" action="/orders" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="order-status" className="text-sm font-medium text-ink">
            Status
          </label>
          <select
            id="order-status"
            name="status"
            defaultValue={status ?? ''}
            className="h-10 rounded-control border border-line-strong bg-surface px-3 text-sm text-ink shadow-card"
          >
            <option value="">All statuses</option>
            {orderStatusOptions.map((option) => (
              <option key={option} value={option}>
                {orderStatusLabel(option)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-1 flex-col gap-1.5 sm:max-w-md">
          <label htmlFor="order-search" className="text-sm font-medium text-ink">
            Search
          </label>
          <Input
            id="order-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="SO-7KQ4-M2XH, email or name"
          />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClassNames({ variant: 'secondary' })}>
            Show orders
          </button>
          {filtered ? (
            <Link href="/orders" className={buttonClassNames({ variant: 'ghost' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {!orders.ok ? (
        <Notice tone="degraded" title="Orders cannot be shown right now">
          {orders.failure === 'failed'
            ? 'The order service refused the request. Reload the page; if it persists, sign in again.'
            : 'The order service is not answering. Reload the page in a moment.'}
        </Notice>
      ) : (
        <Table
          framed
          tableClassName="min-w-[44rem]"
          caption={`Orders, page ${orders.data.page} of ${pageCount} (${orders.data.total} in all)`}
          columns={orderColumns}
          rows={orders.data.items}
          rowKey={(order) => order.id}
          rowProps={() => ({ 'data-testid': 'order-row' })}
          empty={
            <EmptyState
              title={filtered ? 'No order matches these filters' : 'No orders yet'}
              description={
                filtered ? 'Try another status, or search by the full order number.' : undefined
              }
            />
          }
        />
      )}
      {orders.ok && pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={buttonClassNames({ variant: 'secondary' })}>
              Previous page
            </Link>
          ) : null}
          <p className="text-sm text-ink-muted">
            Page {Math.min(page, pageCount)} of {pageCount}
          </p>
          {page < pageCount ? (
            <Link href={pageHref(page + 1)} className={buttonClassNames({ variant: 'secondary' })}>
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
