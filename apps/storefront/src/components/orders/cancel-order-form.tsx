'use client';

import { Button, buttonClassNames, Notice } from '@shop/ui';
import { useActionState, useEffect, useRef, useState } from 'react';
import type { FormState } from '@shop/ui/form';
import { CancelReasonField } from './cancel-reason-field';

export type CancelOrderAction = (state: FormState, data: FormData) => Promise<FormState>;

const idle: FormState = { status: 'idle' };

/**
 * "Cancel order" with a confirmation step: the first button only asks, the second one cancels.
 * Focus moves to the question when it opens and back to "Cancel order" when the shopper keeps
 * the order, so keyboard and screen-reader users never lose their place.
 */
export function CancelOrderForm({
  number,
  paid,
  action,
}: {
  number: string;
  /** Whether money was taken (a refund follows) or the payment simply stops. */
  paid: boolean;
  action: CancelOrderAction;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [confirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (wasConfirming.current) openerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (state.status === 'success') {
    return <Notice tone="success" title={state.message ?? 'Your order has been cancelled.'} />;
  }

  return (
    <div className="flex flex-col gap-3" data-testid="cancel-order">
      {state.status === 'error' && state.message ? (
        <Notice tone="danger" title="The order was not cancelled">
          {state.message}
        </Notice>
      ) : null}
      {confirming ? (
        <form
          action={formAction}
          className="flex flex-col gap-3 rounded-card border border-danger/25 bg-danger-soft p-4"
        >
          <p ref={questionRef} tabIndex={-1} className="font-semibold text-ink focus:outline-none">
            Cancel order {number}?
          </p>
          <p className="text-sm text-ink-muted">
            {paid
              ? 'Everything you paid will be refunded to your original payment method.'
              : 'Nothing will be charged.'}{' '}
            This cannot be undone.
          </p>
          <CancelReasonField />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? 'Cancelling…' : 'Yes, cancel order'}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
              Keep order
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <button
            ref={openerRef}
            type="button"
            className={buttonClassNames({ variant: 'secondary' })}
            onClick={() => setConfirming(true)}
          >
            Cancel order
          </button>
        </div>
      )}
    </div>
  );
}
