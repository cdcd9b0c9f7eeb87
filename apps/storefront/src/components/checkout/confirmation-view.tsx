'use client';

import { buttonClassNames, Card, CardBody, Notice, Spinner } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import { deliveryEstimate } from './delivery-estimate';
import { OrderSummary } from './order-summary';
import { isSettled, type CheckoutOrder } from './order-types';
import { useFollowedOrder } from './use-followed-order';

/**
 * The confirmation page's body: follows the order while the saga is still working (a shopper
 * paying cash, or back from their bank), then says what was bought, where it goes and what
 * happens next; a cancelled order says so and why.
 */
export function ConfirmationView({
  initial,
  signedIn,
}: {
  initial: CheckoutOrder;
  signedIn: boolean;
}) {
  const order = useFollowedOrder(initial, (current) => !isSettled(current.status));
  const payPage = `/checkout/pay/${order.id}` as Route;
  const details = signedIn
    ? (`/account/orders/${order.id}` as Route)
    : (`/orders/track?number=${encodeURIComponent(order.number)}` as Route);

  let status;
  if (order.status === 'CANCELLED') {
    status = (
      <Notice
        tone="danger"
        title={`Order ${order.number} was cancelled`}
        data-testid="confirmation-cancelled"
      >
        {order.cancellation?.message ?? 'Nothing was charged.'}{' '}
        <Link href="/cart" className="font-medium underline">
          Back to your cart
        </Link>
      </Notice>
    );
  } else if (!isSettled(order.status)) {
    const needsPayment =
      order.paymentMethod === 'card' &&
      order.status === 'PAYMENT_PROCESSING' &&
      order.payment?.clientSecret;
    status = (
      <div
        className="flex flex-col gap-3 rounded-card border border-line bg-surface px-5 py-5"
        data-testid="confirmation-processing"
      >
        <div className="flex items-center gap-3">
          <Spinner label="Confirming your order" />
          <p className="font-medium text-ink">We are confirming your order {order.number}…</p>
        </div>
        {needsPayment ? (
          <p className="text-sm text-ink-muted">
            Waiting for your payment.{' '}
            <Link href={payPage} className="font-medium text-accent-700 underline">
              Complete your payment
            </Link>
          </p>
        ) : (
          <p className="text-sm text-ink-muted">This usually takes a few seconds.</p>
        )}
      </div>
    );
  } else {
    status = (
      <Notice
        tone="success"
        title={`Order ${order.number} is confirmed.`}
        data-testid="order-confirmed"
      >
        We have sent a confirmation to{' '}
        <span className="font-medium text-ink">{order.customer.email}</span>.
      </Notice>
    );
  }

  const confirmed = isSettled(order.status) && order.status !== 'CANCELLED';
  const address = order.shippingAddress;
  return (
    <div className="mt-6 flex flex-col gap-6" data-testid="confirmation" data-status={order.status}>
      <div aria-live="polite">{status}</div>
      <div className="grid gap-6 lg:grid-cols-5 lg:items-start">
        <Card className="lg:col-span-3">
          <CardBody className="flex flex-col gap-2">
            <h2 className="text-base font-semibold text-ink">What you ordered</h2>
            <OrderSummary order={order} />
          </CardBody>
        </Card>
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card>
            <CardBody className="flex flex-col gap-3 text-sm">
              <h2 className="text-base font-semibold text-ink">Delivery</h2>
              <address className="not-italic text-ink" data-testid="confirmation-address">
                {[
                  address.name,
                  address.line1,
                  address.line2,
                  `${address.postcode} ${address.city}`,
                  address.region,
                  countryName(address.country),
                ]
                  .filter((part) => part && part.trim())
                  .map((part) => (
                    <span key={part} className="block">
                      {part}
                    </span>
                  ))}
              </address>
              {order.shipping ? (
                <p className="text-ink-muted">
                  {order.shipping.name}
                  {order.shipping.minDays !== undefined && order.shipping.maxDays !== undefined
                    ? ` · ${deliveryEstimate(order.shipping.minDays, order.shipping.maxDays)}`
                    : ''}
                </p>
              ) : null}
              <p className="text-ink-muted">
                Payment: {order.paymentMethod === 'card' ? 'card' : 'cash on delivery'}
              </p>
            </CardBody>
          </Card>
          {confirmed ? (
            <Card>
              <CardBody className="flex flex-col gap-3 text-sm">
                <h2 className="text-base font-semibold text-ink">What happens next</h2>
                <ol className="flex list-decimal flex-col gap-1 pl-5 text-ink-muted">
                  <li>We pack your order and email you when it ships, with a tracking link.</li>
                  <li>The courier delivers it to the address above.</li>
                  <li>You can cancel until it ships from your order page.</li>
                </ol>
                <Link href={details} className={buttonClassNames({ variant: 'secondary' })}>
                  {signedIn ? 'View your order' : 'Track your order'}
                </Link>
              </CardBody>
            </Card>
          ) : null}
          {!signedIn ? (
            <Card data-testid="create-account-hint">
              <CardBody className="flex flex-col gap-2 text-sm">
                <h2 className="text-base font-semibold text-ink">Save time next time</h2>
                <p className="text-ink-muted">
                  Create an account with {order.customer.email} to keep your addresses and see all
                  your orders in one place.
                </p>
                <Link href="/sign-up" className="font-medium text-accent-700 hover:underline">
                  Create an account
                </Link>
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** "DE" → "Germany" in the shopper's language (English while the shop has one language). */
function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
