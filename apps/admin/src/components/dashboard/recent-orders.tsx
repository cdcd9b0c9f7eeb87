import { formatMoney } from '@shop/money';
import type { RouterOutputs } from '@shop/api/client';
import { EmptyState, OrderStatusBadge, SectionHeading, Table, type TableColumn } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import { formatStaffDate } from '@/components/orders/order-labels';

type OrderRow = RouterOutputs['order']['adminList']['items'][number];

const columns: TableColumn<OrderRow>[] = [
  {
    key: 'order',
    header: 'Order',
    cell: (order) => (
      <Link
        href={`/orders/${order.id}` as Route}
        className="font-medium text-accent-700 underline-offset-4 hover:underline"
      >
        {order.number}
      </Link>
    ),
  },
  { key: 'status', header: 'Status', cell: (order) => <OrderStatusBadge status={order.status} /> },
  {
    key: 'customer',
    header: 'Customer',
    className: 'max-w-48 truncate',
    cell: (order) => order.customerName || order.customerEmail || '—',
  },
  {
    key: 'total',
    header: 'Total',
    align: 'end',
    className: 'font-medium tabular-nums',
    cell: (order) => formatMoney(order.totalMinor, order.currency),
  },
  {
    key: 'placed',
    header: 'Placed',
    className: 'whitespace-nowrap text-ink-muted',
    cell: (order) => formatStaffDate(order.placedAt),
  },
];

/** The newest orders, whatever their state, linking to each. */
export function RecentOrders({ orders }: { orders: OrderRow[] }) {
  return (
    <section aria-labelledby="recent-orders">
      <SectionHeading
        id="recent-orders"
        title="Recent orders"
        action={
          <Link
            href="/orders"
            className="font-medium text-accent-700 underline-offset-4 hover:underline"
          >
            All orders
          </Link>
        }
      />
      <Table
        framed
        tableClassName="min-w-[36rem]"
        caption="The five newest orders"
        columns={columns}
        rows={orders}
        rowKey={(order) => order.id}
        empty={<EmptyState title="No orders yet" />}
      />
    </section>
  );
}
