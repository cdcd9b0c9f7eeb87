import { formatMoney } from '@shop/money';
import { formatOrderTime, OrderStatusBadge } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import type { OrderSummaryView } from './order-types';

/** The shopper's orders, newest first: number (the link), date, status, what and how much. */
export function OrderHistoryList({ orders }: { orders: readonly OrderSummaryView[] }) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Your orders">
      {orders.map((order) => (
        <li
          key={order.id}
          data-testid="order-row"
          className="relative flex flex-col gap-2 rounded-card border border-line bg-surface px-5 py-4 shadow-card transition-colors focus-within:border-accent-600 hover:border-line-strong sm:flex-row sm:items-center sm:justify-between"
        >
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              {/* The whole card is clickable through this link's ::after; it stays one link. */}
              <Link
                href={`/account/orders/${order.id}` as Route}
                className="font-semibold text-ink after:absolute after:inset-0 after:rounded-card focus-visible:outline-none"
              >
                Order {order.number}
              </Link>
              <OrderStatusBadge status={order.status} />
            </div>
            <p className="mt-1 truncate text-sm text-ink-muted">
              {order.firstLineName} · {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
            </p>
          </div>
          <div className="flex shrink-0 items-baseline justify-between gap-4 text-sm sm:flex-col sm:items-end sm:gap-0.5">
            <span className="font-semibold text-ink tabular-nums">
              {formatMoney(order.totalMinor, order.currency)}
            </span>
            <span className="text-ink-muted">{formatOrderTime(order.placedAt)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
