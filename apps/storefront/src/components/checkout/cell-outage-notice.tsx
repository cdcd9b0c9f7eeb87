'use client';

import { Notice, Spinner } from '@shop/ui';
import { CancelOrderForm, type CancelOrderAction } from '../orders/cancel-order-form';
import type { CheckoutOrder } from './order-types';

const whatIsWaiting: Record<NonNullable<CheckoutOrder['waitingOn']>['service'], string> = {
  payment: 'Our payment service is not answering',
  product: 'Our stock service is not answering',
};

/**
 * Shown instead of a bare spinner while the order saga cannot reach another cell: says what is
 * happening, that nothing was charged, that the page carries on by itself when the service is
 * back, and offers to cancel instead of waiting.
 */
export function CellOutageNotice({
  order,
  cancelAction,
}: {
  order: CheckoutOrder & { waitingOn: NonNullable<CheckoutOrder['waitingOn']> };
  cancelAction: CancelOrderAction;
}) {
  return (
    <div className="flex flex-col gap-4" data-testid="cell-outage">
      <Notice tone="degraded" title={whatIsWaiting[order.waitingOn.service]}>
        Your items are held for you and nothing has been charged. We keep trying, and this page
        carries on by itself as soon as the service is back. If it stays away for more than a few
        minutes, the order is cancelled and you can place it again later.
      </Notice>
      <div className="flex items-center gap-3 text-sm text-ink-muted">
        <Spinner label="Waiting for the service to come back" />
        <span aria-hidden="true">Still trying…</span>
      </div>
      <p className="text-sm text-ink">Would you rather not wait?</p>
      <CancelOrderForm number={order.number} paid={false} action={cancelAction} />
    </div>
  );
}
