import type { RouterOutputs } from '@shop/api/client';
import { formatMoney } from '@shop/money';
import { Badge, type BadgeTone } from '@shop/ui';
import { formatStaffDate } from './order-labels';

/** An order's payments and refunds as the payment cell answers them (`payment.forOrder`). */
export type PaymentsView = RouterOutputs['payment']['forOrder'];

const providerNames: Record<string, string> = {
  stripe: 'Stripe',
  test: 'Test processor',
  cash: 'Cash on delivery',
};

const statusTones: Record<string, BadgeTone> = {
  succeeded: 'success',
  failed: 'danger',
  canceled: 'neutral',
  requires_action: 'warning',
  pending_collection: 'info',
  pending: 'warning',
};

/** What can still be refunded: captured minus refunded, over every payment of the order. */
export function refundableMinorOf(view: PaymentsView): number {
  return view.payments.reduce(
    (sum, payment) => sum + Math.max(0, payment.capturedMinor - payment.refundedMinor),
    0,
  );
}

/** The order's payments (provider, card, amounts) and refunds, as the payment cell records them. */
export function OrderPayments({ view, currency }: { view: PaymentsView; currency: string }) {
  if (view.payments.length === 0) {
    return <p className="text-sm text-ink-muted">No payment has been started for this order.</p>;
  }
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <div className="flex flex-col gap-4 text-sm" data-testid="order-payments">
      <ul className="flex flex-col gap-3">
        {view.payments.map((payment) => (
          <li key={payment.id} className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-ink">
                {providerNames[payment.provider] ?? payment.provider}
              </span>
              {payment.card ? (
                <span className="text-ink-muted">
                  {payment.card.brand} ···· {payment.card.last4}
                </span>
              ) : null}
              <Badge tone={statusTones[payment.status] ?? 'neutral'}>
                {payment.status.replaceAll('_', ' ')}
              </Badge>
            </div>
            <p className="text-ink-muted">
              Amount {money(payment.amountMinor)} · captured {money(payment.capturedMinor)} ·
              refunded {money(payment.refundedMinor)} · {formatStaffDate(payment.createdAt)}
            </p>
            {payment.failureMessage ? (
              <p className="text-danger">{payment.failureMessage}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {view.refunds.length > 0 ? (
        <div>
          <h3 className="mb-1 font-semibold text-ink">Refunds</h3>
          <ul className="flex flex-col gap-1" data-testid="order-refunds">
            {view.refunds.map((refund) => (
              <li key={refund.id} className="flex flex-wrap justify-between gap-2">
                <span>
                  {money(refund.amountMinor)}
                  {refund.reason ? (
                    <span className="text-ink-muted"> · {refund.reason}</span>
                  ) : null}
                </span>
                <span className="text-ink-muted">
                  {refund.status} · {formatStaffDate(refund.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
