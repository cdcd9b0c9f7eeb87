import { formatMoney } from '@shop/money';
import { ProductImage } from '@shop/ui';
import type { CheckoutOrder } from './order-types';
import { TotalsList } from './totals-list';

/** What was bought and what it costs: the order's lines and totals as the cell priced them. */
export function OrderSummary({ order }: { order: CheckoutOrder }) {
  return (
    <div className="flex flex-col gap-4" data-testid="order-summary">
      <ul className="flex flex-col divide-y divide-line">
        {order.lines.map((line) => (
          <li key={line.sku} className="flex gap-3 py-3 text-sm" data-testid="order-line">
            <div className="w-12 shrink-0 overflow-hidden rounded-control">
              <ProductImage
                slug={line.productSlug}
                name={line.name}
                imageUrl={line.imageUrl}
                decorative
                shape="square"
              />
            </div>
            <div className="min-w-0 flex-1">
              <p className="font-medium text-ink">{line.name}</p>
              <p className="text-ink-muted">
                {line.variantLabel ? `${line.variantLabel} · ` : ''}Qty {line.quantity}
              </p>
            </div>
            <p className="font-medium text-ink tabular-nums">
              {formatMoney(line.lineTotalMinor, order.currency)}
            </p>
          </li>
        ))}
      </ul>
      <TotalsList totals={order} discountCode={order.discount?.code} />
    </div>
  );
}
