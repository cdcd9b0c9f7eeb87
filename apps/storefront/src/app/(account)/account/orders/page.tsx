import { buttonClassNames, EmptyState } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { requireSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { AccountHeading } from '@/components/account/account-heading';
import { UnavailableSection } from '@/components/account/unavailable-section';
import { OrderHistoryList } from '@/components/orders/order-history-list';
import { Pagination, pageFromParam } from '@/components/pagination';
import { callCell } from '@/server/cell-call';

// Per shopper, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Orders' };

const pageSize = 10;

/** The signed-in shopper's orders, newest first, ten to a page. */
export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession('/account/orders');
  const page = pageFromParam((await searchParams).page);
  const orders = await callCell(({ signal }) =>
    cellsAs(session).order.list.query({ page, pageSize }, { signal }),
  );
  return (
    <>
      <AccountHeading session={session} />
      <h2 className="text-xl font-semibold tracking-tight text-ink">Orders</h2>
      {!orders.ok ? (
        <UnavailableSection what="orders" />
      ) : orders.data.items.length === 0 ? (
        <EmptyState
          title={page > 1 ? 'No orders on this page' : 'No orders yet'}
          description={
            page > 1
              ? 'You have fewer orders than that.'
              : 'When you place an order, it appears here with its progress and tracking.'
          }
          action={
            <Link
              href={(page > 1 ? '/account/orders' : '/products') as Route}
              className={buttonClassNames({ variant: 'secondary' })}
            >
              {page > 1 ? 'Back to your first orders' : 'Start shopping'}
            </Link>
          }
        />
      ) : (
        <div>
          <p className="mb-3 text-sm text-ink-muted" aria-live="polite">
            {orders.data.total} {orders.data.total === 1 ? 'order' : 'orders'}
          </p>
          <OrderHistoryList orders={orders.data.items} />
          <Pagination
            page={page}
            pageSize={pageSize}
            totalCount={orders.data.total}
            hrefFor={(target) => `/account/orders?page=${target}` as Route}
          />
        </div>
      )}
    </>
  );
}
