import { formatMoney } from '@shop/money';
import type { ReactNode } from 'react';
import { subtotalLabel } from '../tax-labels';
import type { OrderDetailView } from './order-types';

type Totals = Pick<
  OrderDetailView,
  | 'subtotalMinor'
  | 'discountMinor'
  | 'shippingMinor'
  | 'taxMinor'
  | 'pricesIncludeTax'
  | 'totalMinor'
  | 'currency'
  | 'discount'
  | 'shipping'
  | 'refundedMinor'
>;

function Row({
  label,
  children,
  className = 'text-ink-muted',
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={`flex items-baseline justify-between gap-4 ${className}`} data-testid={testId}>
      <dt>{label}</dt>
      <dd className="text-right whitespace-nowrap tabular-nums">{children}</dd>
    </div>
  );
}

/**
 * Subtotal, discount, shipping, tax and total as a description list; refunds below the total.
 * Tax added is a row before the total; VAT the prices contained is said after it (incl. VAT).
 */
export function OrderTotals({ order }: { order: Totals }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  const included = order.pricesIncludeTax;
  return (
    <dl className="flex flex-col gap-1.5 text-sm" data-testid="order-totals">
      <Row label={subtotalLabel(included)}>{money(order.subtotalMinor)}</Row>
      {order.discountMinor > 0 ? (
        <Row label={`Discount${order.discount?.code ? ` (${order.discount.code})` : ''}`}>
          −{money(order.discountMinor)}
        </Row>
      ) : null}
      <Row label={`Shipping${order.shipping ? ` (${order.shipping.name})` : ''}`}>
        {order.shippingMinor === 0 ? 'Free' : money(order.shippingMinor)}
      </Row>
      {included ? null : <Row label="Tax added">{money(order.taxMinor)}</Row>}
      <Row
        label="Total"
        className="mt-1 border-t border-line pt-2 font-semibold text-ink"
        testId="order-total"
      >
        {money(order.totalMinor)}
      </Row>
      {included ? (
        <Row label="incl. VAT" testId="tax-contained">
          {money(order.taxMinor)}
        </Row>
      ) : null}
      {order.refundedMinor > 0 ? (
        <Row label="Refunded" className="text-success">
          {money(order.refundedMinor)}
        </Row>
      ) : null}
    </dl>
  );
}
