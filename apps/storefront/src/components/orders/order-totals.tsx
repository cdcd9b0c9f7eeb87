import { formatMoney } from '@shop/ui';
import type { OrderDetailView } from './order-types';

type Totals = Pick<
  OrderDetailView,
  | 'subtotalMinor'
  | 'discountMinor'
  | 'shippingMinor'
  | 'taxMinor'
  | 'totalMinor'
  | 'currency'
  | 'discount'
  | 'shipping'
  | 'refundedMinor'
>;

/** Subtotal, discount, shipping, tax and total as a description list; refunds below the total. */
export function OrderTotals({ order }: { order: Totals }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 text-sm" data-testid="order-totals">
      <dt className="text-ink-muted">Subtotal</dt>
      <dd className="text-right tabular-nums">{money(order.subtotalMinor)}</dd>
      {order.discountMinor > 0 ? (
        <>
          <dt className="text-ink-muted">
            Discount{order.discount?.code ? ` (${order.discount.code})` : ''}
          </dt>
          <dd className="text-right tabular-nums">−{money(order.discountMinor)}</dd>
        </>
      ) : null}
      <dt className="text-ink-muted">
        Shipping{order.shipping ? ` (${order.shipping.name})` : ''}
      </dt>
      <dd className="text-right tabular-nums">
        {order.shippingMinor === 0 ? 'Free' : money(order.shippingMinor)}
      </dd>
      <dt className="text-ink-muted">Tax</dt>
      <dd className="text-right tabular-nums">{money(order.taxMinor)}</dd>
      <dt className="border-t border-line pt-2 font-semibold text-ink">Total</dt>
      <dd
        className="border-t border-line pt-2 text-right font-semibold text-ink tabular-nums"
        data-testid="order-total"
        data-minor={order.totalMinor}
      >
        {money(order.totalMinor)}
      </dd>
      {order.refundedMinor > 0 ? (
        <>
          <dt className="text-ink-muted">Refunded</dt>
          <dd className="text-right text-success tabular-nums">{money(order.refundedMinor)}</dd>
        </>
      ) : null}
    </dl>
  );
}
