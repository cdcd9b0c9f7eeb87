'use client';

import type { RouterOutputs } from '@shop/api/client';
import { formatMoney } from '@shop/money';
import { Button, Notice } from '@shop/ui';
import type { FormState } from '@shop/ui/form';
import { useActionState, useEffect, useRef } from 'react';
import { CancelReasonField } from './cancel-reason-field';

type LinkOrder = RouterOutputs['order']['cancelLink'];
export type CancelByLinkState = FormState & { order?: LinkOrder };
export type CancelByLinkAction = (
  state: CancelByLinkState,
  data: FormData,
) => Promise<CancelByLinkState>;

const idle: CancelByLinkState = { status: 'idle' };

/**
 * The emailed link's confirmation: opening the link changes nothing (mail scanners open links
 * too); this button cancels. The outcome takes the focus and is announced.
 */
export function CancelByLinkForm({
  order,
  token,
  action,
}: {
  order: LinkOrder;
  token: string;
  action: CancelByLinkAction;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') outcomeRef.current?.focus();
  }, [state]);

  if (state.status === 'success') {
    const refunded = order.refundOnCancel
      ? ` We are refunding ${formatMoney(order.totalMinor, order.currency)} to your original payment method.`
      : '';
    return (
      <div ref={outcomeRef} tabIndex={-1} className="focus:outline-none" role="status">
        <Notice tone="success" title={`Order ${order.number} is cancelled`}>
          {`We have emailed you a confirmation.${refunded}`}
        </Notice>
      </div>
    );
  }

  return (
    <form action={formAction} className="flex flex-col gap-4" data-testid="cancel-by-link">
      {state.status === 'error' && state.message ? (
        <div ref={outcomeRef} tabIndex={-1} className="focus:outline-none" role="alert">
          <Notice tone="danger" title="The order was not cancelled">
            {state.message}
          </Notice>
        </div>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-ink-muted">
        {order.refundOnCancel
          ? `Everything you paid (${formatMoney(order.totalMinor, order.currency)}) will be refunded to your original payment method.`
          : 'Nothing will be charged.'}{' '}
        This cannot be undone.
      </p>
      <CancelReasonField />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Cancelling…' : `Yes, cancel order ${order.number}`}
        </Button>
      </div>
    </form>
  );
}
