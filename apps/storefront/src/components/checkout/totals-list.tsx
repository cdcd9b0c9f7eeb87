import { formatMoney } from '@shop/money';
import { formatRate, subtotalLabel } from '../tax-labels';
import type { Totals } from './checkout-types';

/** The figures of a quote (`order.quote`); an order (`order.get`) has them too. */
type TotalsLike = Pick<
  Totals,
  | 'subtotalMinor'
  | 'discountMinor'
  | 'shippingMinor'
  | 'taxMinor'
  | 'totalMinor'
  | 'currency'
  | 'pricesIncludeTax'
>;

/**
 * Subtotal, discount, shipping and total as a definition list (checkout, confirmation). Tax added
 * on top is a row before the total; VAT contained in the prices is said after it ("incl. VAT"),
 * since it is part of the total, not added to it. The rate is shown when every line had the same.
 */
export function TotalsList({
  totals,
  discountCode,
  taxRateBasisPoints,
}: {
  totals: TotalsLike;
  discountCode?: string;
  taxRateBasisPoints?: number;
}) {
  const money = (minor: number) => formatMoney(minor, totals.currency);
  const rate = taxRateBasisPoints !== undefined ? ` (${formatRate(taxRateBasisPoints)})` : '';
  const included = totals.pricesIncludeTax;
  return (
    <dl className="flex flex-col gap-2 text-sm" data-testid="totals">
      <div className="flex justify-between">
        <dt className="text-ink-muted">{subtotalLabel(included)}</dt>
        <dd className="text-ink tabular-nums">{money(totals.subtotalMinor)}</dd>
      </div>
      {totals.discountMinor > 0 ? (
        <div className="flex justify-between">
          <dt className="text-ink-muted">Discount{discountCode ? ` (${discountCode})` : ''}</dt>
          <dd className="text-success tabular-nums">−{money(totals.discountMinor)}</dd>
        </div>
      ) : null}
      <div className="flex justify-between">
        <dt className="text-ink-muted">Shipping</dt>
        <dd className="text-ink tabular-nums">
          {totals.shippingMinor === 0 ? 'Free' : money(totals.shippingMinor)}
        </dd>
      </div>
      {included ? null : (
        <div className="flex justify-between" data-testid="tax-added">
          <dt className="text-ink-muted">Tax added{rate}</dt>
          <dd className="text-ink tabular-nums">{money(totals.taxMinor)}</dd>
        </div>
      )}
      <div className="flex justify-between border-t border-line pt-2 text-base font-semibold">
        <dt className="text-ink">Total</dt>
        <dd
          className="text-ink tabular-nums"
          data-testid="order-total"
          data-minor={totals.totalMinor}
        >
          {money(totals.totalMinor)}
        </dd>
      </div>
      {included ? (
        <div className="flex justify-between text-ink-muted" data-testid="tax-contained">
          <dt>incl. VAT{rate}</dt>
          <dd className="tabular-nums">{money(totals.taxMinor)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
