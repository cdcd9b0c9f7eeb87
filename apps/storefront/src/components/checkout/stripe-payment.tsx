'use client';

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { formatMoney } from '@shop/money';
import { Button } from '@shop/ui';
import { useState, type FormEvent } from 'react';
import type { PaymentOutcome } from './test-card-form';

// One Stripe.js per publishable key for the tab's lifetime (Stripe's own advice).
const stripes = new Map<string, Promise<Stripe | null>>();
function stripeFor(publishableKey: string) {
  let stripe = stripes.get(publishableKey);
  if (!stripe) {
    stripe = loadStripe(publishableKey);
    stripes.set(publishableKey, stripe);
  }
  return stripe;
}

/**
 * Stripe's Payment Element for the order's PaymentIntent (used when `payment.config()` says
 * stripe). It needs js.stripe.com, so it cannot run offline or in this project's tests: kept
 * deliberately small. Success here only means Stripe accepted the confirmation; the order is
 * confirmed by the saga once Stripe's webhook arrives, which the payment page waits for.
 */
export function StripePayment(props: {
  publishableKey: string;
  clientSecret: string;
  returnPath: string;
  amountMinor: number;
  currency: string;
  onOutcome: (outcome: PaymentOutcome) => void;
}) {
  return (
    <Elements
      stripe={stripeFor(props.publishableKey)}
      options={{ clientSecret: props.clientSecret }}
    >
      <StripePaymentForm {...props} />
    </Elements>
  );
}

function StripePaymentForm({
  returnPath,
  amountMinor,
  currency,
  onOutcome,
}: {
  returnPath: string;
  amountMinor: number;
  currency: string;
  onOutcome: (outcome: PaymentOutcome) => void;
}) {
  const stripe = useStripe();
  const elements = useElements();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements || busy) return;
    setBusy(true);
    setError(undefined);
    const result = await stripe.confirmPayment({
      elements,
      // A bank page that redirects comes back to the confirmation page, which follows the order.
      confirmParams: { return_url: new URL(returnPath, window.location.origin).toString() },
      redirect: 'if_required',
    });
    setBusy(false);
    if (result.error) {
      if (result.error.type === 'card_error') {
        onOutcome({ status: 'failed', message: result.error.message });
      } else {
        setError(result.error.message ?? 'The payment could not be completed. Try again.');
      }
      return;
    }
    onOutcome({ status: 'succeeded' });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="stripe-payment">
      <PaymentElement />
      {error ? (
        <p className="text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={!stripe || busy}>
        {busy ? 'Paying…' : `Pay ${formatMoney(amountMinor, currency)}`}
      </Button>
    </form>
  );
}
