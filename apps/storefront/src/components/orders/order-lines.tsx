import { formatMoney } from '@shop/money';
import type { Route } from 'next';
import Link from 'next/link';
import type { OrderLineView } from './order-types';

/** What was bought: name and variant (linking to the product), quantity, unit and line price. */
export function OrderLines({
  lines,
  currency,
}: {
  lines: readonly OrderLineView[];
  currency: string;
}) {
  return (
    <ul className="divide-y divide-line" data-testid="order-lines">
      {lines.map((line) => (
        <li key={line.sku} className="flex items-start justify-between gap-4 py-3 text-sm">
          <div className="min-w-0">
            {line.productSlug ? (
              <Link
                href={`/products/${line.productSlug}` as Route}
                className="font-medium text-ink underline-offset-4 hover:underline"
              >
                {line.name}
              </Link>
            ) : (
              <span className="font-medium text-ink">{line.name}</span>
            )}
            {line.variantLabel ? <p className="text-ink-muted">{line.variantLabel}</p> : null}
            <p className="text-ink-muted">
              {line.quantity} × {formatMoney(line.unitPriceMinor, currency)}
            </p>
          </div>
          <p className="shrink-0 font-medium text-ink tabular-nums">
            {formatMoney(line.lineTotalMinor, currency)}
          </p>
        </li>
      ))}
    </ul>
  );
}
