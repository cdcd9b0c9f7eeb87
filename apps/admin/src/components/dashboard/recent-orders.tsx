import { EmptyState, SectionHeading, Table } from '@shop/ui';
import Link from 'next/link';
import { orderListColumns, withColumn, type OrderListRow } from '@/components/orders/order-columns';

const columns = withColumn(
  orderListColumns(),
  {
    key: 'customer',
    header: 'Customer',
    className: 'max-w-48 truncate',
    cell: (order) => order.customerName || order.customerEmail || '—',
  },
  'status',
);

/** The newest orders, whatever their state, linking to each. */
export function RecentOrders({ orders }: { orders: OrderListRow[] }) {
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
