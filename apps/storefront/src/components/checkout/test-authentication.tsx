'use client';

import { Button } from '@shop/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/browser/trpc';
import { shopperMessage } from '@/components/cart/cell-error';
import type { PaymentOutcome } from './test-card-form';

/**
 * "Confirm with your bank": the test processor's stand-in for a 3-D Secure page, with the two
 * answers a test bank can give.
 */
export function TestAuthentication({
  paymentId,
  clientSecret,
  onOutcome,
}: {
  paymentId: string;
  clientSecret: string;
  onOutcome: (outcome: PaymentOutcome) => void;
}) {
  const trpc = useTRPC();
  const complete = useMutation(trpc.payment.completeTestAuthentication.mutationOptions());
  const [error, setError] = useState<string>();
  const answer = (approve: boolean) => {
    setError(undefined);
    complete.mutate(
      { paymentId, clientSecret, approve },
      { onSuccess: onOutcome, onError: (failure) => setError(shopperMessage(failure)) },
    );
  };
  return (
    <section
      aria-labelledby="bank-check"
      className="flex flex-col gap-4 rounded-card border border-line-strong bg-surface-sunken p-5"
      data-testid="three-d-secure"
    >
      <p className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">
        Test 3-D Secure page
      </p>
      <h2 id="bank-check" className="text-lg font-semibold text-ink">
        Confirm with your bank
      </h2>
      <p className="text-sm text-ink-muted">
        Your bank asks you to confirm this payment. This is the test processor: choose what the bank
        should answer.
      </p>
      {error ? (
        <p className="text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => answer(true)} disabled={complete.isPending}>
          Approve payment
        </Button>
        <Button variant="secondary" onClick={() => answer(false)} disabled={complete.isPending}>
          Fail authentication
        </Button>
      </div>
    </section>
  );
}
