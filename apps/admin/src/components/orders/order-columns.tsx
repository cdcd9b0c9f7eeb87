import { formatMoney } from '@shop/money';
import type { RouterOutputs } from '@shop/api/client';
import { OrderStatusBadge, type TableColumn } from '@shop/ui';
import type { Route } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { formatStaffDate } from './order-labels';

/** One order as the staff lists show it (`order.adminList`, `order.customerHistory`). */
export type OrderListRow = RouterOutputs['order']['adminList']['items'][number];

/**
 * The columns every staff list of orders shares: the number linking to the order (with what
 * `detail` adds below it), its status, total and when it was placed. One definition, so the orders
 * page, the dashboard and a customer's page read alike.
 */
export function orderListColumns(
  options: { detail?: (order: OrderListRow) => ReactNode } = {},
): TableColumn<OrderListRow>[] {
  return [
    {
      key: 'order',
      header: 'Order',
      className: 'whitespace-nowrap',
      cell: (order) => (
        <>
          <Link
            href={`/orders/${order.id}` as Route}
            className="font-medium text-accent-700 underline-offset-4 hover:underline"
          >
            {order.number}
          </Link>
          {options.detail?.(order)}
        </>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (order) => <OrderStatusBadge status={order.status} />,
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
}

/** The columns with one more inserted after the column keyed `afterKey` (e.g. the customer). */
export function withColumn(
  columns: TableColumn<OrderListRow>[],
  column: TableColumn<OrderListRow>,
  afterKey: string,
): TableColumn<OrderListRow>[] {
  const at = columns.findIndex((each) => each.key === afterKey) + 1;
  return [...columns.slice(0, at), column, ...columns.slice(at)];
}
