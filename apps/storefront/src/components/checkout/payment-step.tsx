'use client';

import { Notice, Spinner, buttonClassNames } from '@shop/ui';
import { useQuery } from '@tanstack/react-query';
import type { Route } from 'next';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/browser/trpc';
import type { CancelOrderAction } from '../orders/cancel-order-form';
import { CellOutageNotice } from './cell-outage-notice';
import { isSettled, type CheckoutOrder } from './order-types';
import { PaymentDeclined } from './payment-declined';
import { TestAuthentication } from './test-authentication';
import { TestCardForm, type PaymentOutcome } from './test-card-form';
import { useFollowedOrder } from './use-followed-order';

// Stripe.js is downloaded only by shops that use Stripe.
const StripePayment = dynamic(() =>
  import('./stripe-payment').then((module) => module.StripePayment),
);

/**
 * The payment step of one order: waits for the saga to reserve the stock and start the payment,
 * shows the processor's form (the test card form, its "Confirm with your bank" step, or Stripe's
 * Payment Element), then waits for CONFIRMED or CANCELLED and moves on to the confirmation page.
 */
export function PaymentStep({
  initial,
  cancelAction,
}: {
  initial: CheckoutOrder;
  /** Cancels this order (offered while the saga waits for a cell that is down). */
  cancelAction: CancelOrderAction;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [outcome, setOutcome] = useState<PaymentOutcome>();
  const order = useFollowedOrder(initial, (current) => {
    if (isSettled(current.status)) return false;
    // Waiting for the saga to start the payment, or for it to act on the outcome.
    return (
      !current.payment?.clientSecret ||
      outcome?.status === 'succeeded' ||
      outcome?.status === 'failed'
    );
  });
  const config = useQuery({
    ...trpc.payment.config.queryOptions(),
    enabled: order.payment?.provider === 'stripe',
  });
  const confirmation = `/checkout/confirmation/${order.id}` as Route;

  const declined =
    outcome?.status === 'failed' ||
    (order.status === 'CANCELLED' && Boolean(order.payment?.failureMessage));
  // Paid (or cash, or already further along): the confirmation page takes over.
  const done = !declined && order.status !== 'CANCELLED' && isSettled(order.status);
  const cash = order.payment?.provider === 'cash';
  useEffect(() => {
    if (done || cash) router.replace(confirmation);
  }, [done, cash, confirmation, router]);

  if (declined) {
    return (
      <PaymentDeclined order={order} detail={outcome?.message ?? order.payment?.failureMessage} />
    );
  }
  if (order.status === 'CANCELLED') {
    return (
      <div className="flex flex-col gap-4" data-testid="order-cancelled">
        <Notice tone="danger" title={`Order ${order.number} was cancelled`}>
          {order.cancellation?.message ?? 'Nothing was charged.'}
        </Notice>
        <Link
          href="/cart"
          className={buttonClassNames({ variant: 'secondary', className: 'self-start' })}
        >
          Back to your cart
        </Link>
      </div>
    );
  }
  if (done || cash || outcome?.status === 'succeeded') {
    return <Waiting label="Payment accepted. Confirming your order…" />;
  }
  const payment = order.payment;
  if (order.status === 'PENDING' || !payment?.clientSecret) {
    const { waitingOn } = order;
    if (waitingOn)
      return <CellOutageNotice order={{ ...order, waitingOn }} cancelAction={cancelAction} />;
    return <Waiting label="Reserving your items…" />;
  }
  if (outcome?.status === 'requires_action') {
    return (
      <TestAuthentication
        paymentId={order.id}
        clientSecret={payment.clientSecret}
        onOutcome={setOutcome}
      />
    );
  }
  if (payment.provider === 'stripe') {
    if (config.isPending) return <Waiting label="Loading the payment form…" />;
    if (!config.data?.publishableKey) {
      return (
        <Notice tone="danger" title="Card payments are unavailable right now">
          Try again in a moment; your items stay reserved for a few minutes.
        </Notice>
      );
    }
    return (
      <StripePayment
        publishableKey={config.data.publishableKey}
        clientSecret={payment.clientSecret}
        returnPath={confirmation}
        amountMinor={order.totalMinor}
        currency={order.currency}
        onOutcome={setOutcome}
      />
    );
  }
  return (
    <TestCardForm
      paymentId={order.id}
      clientSecret={payment.clientSecret}
      amountMinor={order.totalMinor}
      currency={order.currency}
      onOutcome={setOutcome}
    />
  );
}

function Waiting({ label }: { label: string }) {
  return (
    <div
      className="flex items-center gap-3 rounded-card border border-line bg-surface px-4 py-6"
      data-testid="payment-waiting"
    >
      <Spinner label={label} />
      <p className="text-sm text-ink" aria-hidden="true">
        {label}
      </p>
    </div>
  );
}
