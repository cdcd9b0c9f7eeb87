import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader, buttonClassNames } from '@shop/ui';
import { requireStaff } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { LowStockList } from '@/components/dashboard/low-stock-list';
import { OrdersToShip } from '@/components/dashboard/orders-to-ship';
import { RecentOrders } from '@/components/dashboard/recent-orders';
import { SalesOverview } from '@/components/dashboard/sales-overview';
import { UnavailablePanel } from '@/components/dashboard/unavailable-panel';
import { callCell } from '@/server/cell-call';

// Live figures on every request; `next build` never calls a cell.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  // This page shares the root layout's segment, where the layout's title template does not
  // apply: spell the full title out, as the template would.
  title: { absolute: 'Dashboard · Shop Admin' },
  description: 'Sales, orders to ship, low stock and recent orders at a glance.',
};

/** What each panel needs; a panel the staff member may not read is not asked for at all. */
const skipped = Promise.resolve(null);

/**
 * The merchant's home: the business today and this week against the period before, what waits
 * to be shipped, what is running low, the newest orders. Each panel shows for the roles that may
 * read it (order figures: `orders:read`; stock: `catalog:read`) and fails on its own when its
 * cell does not answer. The service health is its own page (/health).
 */
export default async function DashboardPage() {
  const session = await requireStaff('/');
  const client = cellsAs(session);
  const readsOrders = session.permissions.has('orders:read');
  const readsStock = session.permissions.has('catalog:read');
  const [summary, recent, lowStock] = await Promise.all([
    readsOrders
      ? callCell(({ signal }) => client.order.salesSummary.query(undefined, { signal }))
      : skipped,
    readsOrders
      ? callCell(({ signal }) => client.order.adminList.query({ page: 1, pageSize: 5 }, { signal }))
      : skipped,
    readsStock
      ? callCell(({ signal }) =>
          client.product.inventoryList.query({ lowStock: true, page: 1, pageSize: 5 }, { signal }),
        )
      : skipped,
  ]);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-10">
      <PageHeader
        eyebrow="Back office"
        title="Dashboard"
        description="How the shop is doing today and this week, and what needs doing."
        actions={
          <>
            {/* The page is dynamic: navigating to it again re-asks every cell. */}
            <Link href="/" prefetch={false} className={buttonClassNames({ variant: 'secondary' })}>
              Refresh
            </Link>
            <Link href="/health" className={buttonClassNames({ variant: 'ghost' })}>
              Service health
            </Link>
          </>
        }
      />
      {summary ? (
        summary.ok ? (
          <SalesOverview summary={summary.data} />
        ) : (
          <UnavailablePanel what="Sales" failure={summary.failure} />
        )
      ) : null}
      {summary || lowStock ? (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {summary ? (
            summary.ok ? (
              <OrdersToShip awaiting={summary.data.awaitingShipment} />
            ) : (
              <UnavailablePanel what="Orders to ship" failure={summary.failure} />
            )
          ) : null}
          {lowStock ? (
            lowStock.ok ? (
              <LowStockList stock={lowStock.data} />
            ) : (
              <UnavailablePanel what="Low stock" failure={lowStock.failure} />
            )
          ) : null}
        </div>
      ) : null}
      {recent ? (
        recent.ok ? (
          <RecentOrders orders={recent.data.items} />
        ) : (
          <UnavailablePanel what="Recent orders" failure={recent.failure} />
        )
      ) : null}
      {!summary && !lowStock ? (
        <p className="text-sm text-ink-muted">
          Your role reads neither orders nor stock; the menu lists what you can use.
        </p>
      ) : null}
    </div>
  );
}
