import { formatMoney } from '@shop/money';
import {
  Card,
  CardBody,
  CardHeader,
  formatOrderTime,
  Notice,
  OrderStatusBadge,
  OrderTimeline,
} from '@shop/ui';
import { CancelOrderForm, type CancelOrderAction } from './cancel-order-form';
import { EmailCancelLinkForm, type RequestCancelLinkAction } from './email-cancel-link-form';
import { OrderAddress } from './order-address';
import { OrderLines } from './order-lines';
import { OrderShipment } from './order-shipment';
import { OrderTotals } from './order-totals';
import type { OrderDetailView } from './order-types';

const paymentMethodNames: Record<string, string> = {
  card: 'Card',
  cash_on_delivery: 'Cash on delivery',
};

/** Statuses in which a card payment has been taken (a cancellation then refunds it). */
const paidStatuses = new Set(['CONFIRMED', 'PROCESSING']);

/**
 * One order as its owner (or a guest with its access token) sees it: status and timeline,
 * tracking, what was bought, totals, where it goes, and "Cancel order" while that is possible:
 * at once for the owner, through an emailed link for a guest who looked the order up
 * (`order.cancelBy === 'email-link'`).
 */
export function OrderDetail({
  order,
  cancelAction,
  requestCancelLinkAction,
}: {
  order: OrderDetailView;
  cancelAction: CancelOrderAction;
  requestCancelLinkAction?: RequestCancelLinkAction;
}) {
  const byEmail = order.cancelBy === 'email-link';
  return (
    <article className="flex flex-col gap-6" aria-labelledby="order-heading">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium text-accent-700">Order</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1
            id="order-heading"
            className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl"
          >
            {order.number}
          </h1>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="text-sm text-ink-muted">
          Placed {formatOrderTime(order.placedAt)} · {formatMoney(order.totalMinor, order.currency)}
        </p>
      </header>

      {order.status === 'CANCELLED' ? (
        <Notice tone="danger" title="This order was cancelled" data-testid="order-cancelled">
          {order.cancellation?.message ?? 'Nothing more will happen with it.'}
          {order.refundedMinor > 0
            ? ` ${formatMoney(order.refundedMinor, order.currency)} has been refunded.`
            : ''}
        </Notice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader title="Progress" />
            <CardBody>
              <OrderTimeline
                status={order.status}
                history={order.history}
                cancellationMessage={order.cancellation?.message}
              />
            </CardBody>
          </Card>
          {order.shipment ? (
            <Card>
              <CardHeader title="Delivery" />
              <CardBody>
                <OrderShipment shipment={order.shipment} deliveredAt={order.deliveredAt} />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader
              title="Items"
              description={`${order.lines.reduce((sum, line) => sum + line.quantity, 0)} in all`}
            />
            <CardBody className="py-1">
              <OrderLines lines={order.lines} currency={order.currency} />
            </CardBody>
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader title="Summary" />
            <CardBody className="flex flex-col gap-4">
              <OrderTotals order={order} />
              <p className="text-sm text-ink-muted">
                Paid by {paymentMethodNames[order.paymentMethod] ?? order.paymentMethod}
              </p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Shipping to" />
            <CardBody className="flex flex-col gap-2">
              <OrderAddress address={order.shippingAddress} />
              {order.shipping ? (
                <p className="text-sm text-ink-muted">
                  {order.shipping.name}
                  {order.shipping.minDays != null && order.shipping.maxDays != null
                    ? ` · ${order.shipping.minDays}–${order.shipping.maxDays} working days`
                    : ''}
                </p>
              ) : null}
            </CardBody>
          </Card>
          {order.canCancel && (!byEmail || requestCancelLinkAction) ? (
            <Card>
              <CardHeader title="Changed your mind?" />
              <CardBody>
                {byEmail && requestCancelLinkAction ? (
                  <EmailCancelLinkForm number={order.number} action={requestCancelLinkAction} />
                ) : (
                  <CancelOrderForm
                    number={order.number}
                    paid={order.paymentMethod === 'card' && paidStatuses.has(order.status)}
                    action={cancelAction}
                  />
                )}
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </article>
  );
}
