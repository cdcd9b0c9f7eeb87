import {
  Card,
  CardBody,
  CardHeader,
  formatOrderTime,
  Notice,
  OrderStatusBadge,
  OrderTimeline,
} from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { OrderActions } from '@/components/orders/order-actions';
import { countryName, paymentMethodNames } from '@/components/orders/order-labels';
import { OrderPayments, refundableMinorOf } from '@/components/orders/order-payments';
import { OrderSummaryTable } from '@/components/orders/order-summary-table';
import { callCell } from '@/server/cell-call';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Order' };

/** Safe to link to: http(s) only, so bad data can never become a `javascript:` link. */
function linkable(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One order for staff (orders:read): its timeline, customer, address, lines, totals and
 * payments, and the actions its status and the staff member's roles allow.
 */
export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const session = await requirePermission('orders:read', `/orders/${orderId}`);
  if (!/^[0-9a-f]{24}$/i.test(orderId)) notFound();
  const client = cellsAs(session);
  const [order, payments] = await Promise.all([
    callCell(({ signal }) => client.order.get.query({ orderId }, { signal })),
    callCell(({ signal }) => client.payment.forOrder.query({ orderId }, { signal })),
  ]);
  if (!order.ok && order.failure === 'not-found') notFound();

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8">
      <Link
        href="/orders"
        className="self-start text-sm font-medium text-accent-700 hover:underline"
      >
        ← All orders
      </Link>
      {!order.ok ? (
        <Notice tone="degraded" title="This order cannot be shown right now">
          The order service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <>
          <header className="flex flex-col gap-2">
            <p className="text-sm font-medium text-accent-700">Order</p>
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
                {order.data.number}
              </h1>
              <OrderStatusBadge status={order.data.status} />
            </div>
            <p className="text-sm text-ink-muted">
              Placed {formatOrderTime(order.data.placedAt)} · paid by{' '}
              {paymentMethodNames[order.data.paymentMethod] ?? order.data.paymentMethod}
            </p>
          </header>
          {order.data.cancellation ? (
            <Notice tone="danger" title={`Cancelled (${order.data.cancellation.code})`}>
              {order.data.cancellation.message}
            </Notice>
          ) : null}
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
            <div className="flex min-w-0 flex-col gap-6">
              <Card>
                <CardHeader title="Items" />
                <div className="py-2">
                  <OrderSummaryTable order={order.data} />
                </div>
              </Card>
              <Card>
                <CardHeader title="Payments" />
                <CardBody>
                  {payments.ok ? (
                    <OrderPayments view={payments.data} currency={order.data.currency} />
                  ) : (
                    <p className="text-sm text-warning">
                      {payments.failure === 'failed'
                        ? 'Your role cannot see this order’s payments.'
                        : 'The payment service is not answering; payments cannot be shown.'}
                    </p>
                  )}
                </CardBody>
              </Card>
              <Card>
                <CardHeader title="History" />
                <CardBody>
                  <OrderTimeline
                    status={order.data.status}
                    history={order.data.history}
                    audience="staff"
                    cancellationMessage={order.data.cancellation?.message}
                  />
                </CardBody>
              </Card>
            </div>
            <div className="flex flex-col gap-6">
              <Card>
                <CardHeader title="Actions" />
                <CardBody>
                  <OrderActions
                    orderId={order.data.id}
                    number={order.data.number}
                    status={order.data.status}
                    currency={order.data.currency}
                    refundableMinor={payments.ok ? refundableMinorOf(payments.data) : null}
                    canWrite={session.permissions.has('orders:write')}
                    canRefund={session.permissions.has('payments:refund')}
                  />
                </CardBody>
              </Card>
              <Card>
                <CardHeader title="Customer" />
                <CardBody className="text-sm">
                  <p className="font-medium text-ink">{order.data.customer.name || '—'}</p>
                  <p className="break-all text-ink-muted">{order.data.customer.email || '—'}</p>
                </CardBody>
              </Card>
              <Card>
                <CardHeader title="Shipping" />
                <CardBody className="flex flex-col gap-3 text-sm">
                  <address className="leading-6 not-italic" data-testid="shipping-address">
                    {[
                      order.data.shippingAddress.name,
                      order.data.shippingAddress.line1,
                      order.data.shippingAddress.line2,
                      [order.data.shippingAddress.postcode, order.data.shippingAddress.city]
                        .filter(Boolean)
                        .join(' '),
                      order.data.shippingAddress.region,
                      countryName(order.data.shippingAddress.country),
                      order.data.shippingAddress.phone,
                    ]
                      .filter(Boolean)
                      .map((line, index) => (
                        <span key={index} className="block">
                          {line}
                        </span>
                      ))}
                  </address>
                  {order.data.shipping ? (
                    <p className="text-ink-muted">{order.data.shipping.name}</p>
                  ) : null}
                  {order.data.shipment ? (
                    <dl
                      className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1"
                      data-testid="shipment"
                    >
                      <dt className="text-ink-muted">Carrier</dt>
                      <dd>{order.data.shipment.carrier}</dd>
                      <dt className="text-ink-muted">Tracking</dt>
                      <dd className="font-mono break-all">
                        {linkable(order.data.shipment.trackingUrl) ? (
                          <a
                            href={linkable(order.data.shipment.trackingUrl)}
                            target="_blank"
                            rel="noopener noreferrer"
                            className="text-accent-700 underline"
                          >
                            {order.data.shipment.trackingNumber}
                            <span className="sr-only"> (opens in a new tab)</span>
                          </a>
                        ) : (
                          order.data.shipment.trackingNumber
                        )}
                      </dd>
                      <dt className="text-ink-muted">Shipped</dt>
                      <dd>{formatOrderTime(order.data.shipment.shippedAt)}</dd>
                      {order.data.deliveredAt ? (
                        <>
                          <dt className="text-ink-muted">Delivered</dt>
                          <dd>{formatOrderTime(order.data.deliveredAt)}</dd>
                        </>
                      ) : null}
                    </dl>
                  ) : null}
                </CardBody>
              </Card>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
