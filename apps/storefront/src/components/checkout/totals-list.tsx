import { formatMoney } from '@shop/money';
import type { Totals } from './checkout-types';

/** The figures of a quote (`order.quote`); an order (`order.get`) has them too. */
type TotalsLike = Pick<
  Totals,
  'subtotalMinor' | 'discountMinor' | 'shippingMinor' | 'taxMinor' | 'totalMinor' | 'currency'
>;

/** Subtotal, discount, shipping, tax and total as a definition list (checkout, confirmation). */
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
  return (
    <dl className="flex flex-col gap-2 text-sm" data-testid="totals">
      <div className="flex justify-between">
        <dt className="text-ink-muted">Subtotal</dt>
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
      <div className="flex justify-between">
        <dt className="text-ink-muted">
          Tax
          {taxRateBasisPoints !== undefined ? ` (${formatRate(taxRateBasisPoints)})` : ''}
        </dt>
        <dd className="text-ink tabular-nums">{money(totals.taxMinor)}</dd>
      </div>
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
    </dl>
  );
}

/** 2100 basis points → "21%", 550 → "5.5%" (integer arithmetic, no float rounding). */
function formatRate(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}%` : `${whole}%`;
}
