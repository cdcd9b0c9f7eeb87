import type { RouterOutputs } from '@shop/api/client';
import { Card } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';

type InventoryPage = RouterOutputs['product']['inventoryList'];

/** SKUs at or below their own low-stock threshold, fewest available first as the cell sorts them. */
export function LowStockList({ stock }: { stock: InventoryPage }) {
  return (
    <Card className="flex flex-col gap-3 px-5 py-4" aria-labelledby="low-stock">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="low-stock" className="text-base font-semibold text-ink">
          Low stock
        </h2>
        <span className="text-sm text-ink-muted">{stock.totalCount} SKUs</span>
      </div>
      {stock.items.length === 0 ? (
        <p className="text-sm text-ink-muted">Every SKU is above its low-stock threshold.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {stock.items.map((row) => (
            <li key={row.sku} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span className="min-w-0">
                <span className="block truncate text-ink">
                  {row.productName}
                  {row.variantLabel ? ` · ${row.variantLabel}` : ''}
                </span>
                <span className="block text-xs text-ink-muted">{row.sku}</span>
              </span>
              <span className="shrink-0 tabular-nums text-ink">
                {row.available} left
                <span className="sr-only"> (threshold {row.lowStockThreshold})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {stock.totalCount > 0 ? (
        <Link
          href={'/inventory?lowStock=1' as Route}
          className="self-start text-sm font-medium text-accent-700 underline-offset-4 hover:underline"
        >
          See all low stock
        </Link>
      ) : null}
    </Card>
  );
}
