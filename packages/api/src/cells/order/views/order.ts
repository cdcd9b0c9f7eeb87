import type { Order, OrderStatus, TaxClass } from '@shop/db/order';
import type { Types } from 'mongoose';
import type { OrderViewer } from '../order-access';
import { orderVersion } from '../order-version';

/** An order as the storefront and the back office show it (`order.get` and every transition). */
export interface OrderView {
  id: string;
  number: string;
  status: OrderStatus;
  placedAt: string;
  lines: OrderLineView[];
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  /** The tax contained in the total (`pricesIncludeTax`) or added to it. */
  taxMinor: number;
  /** The store's tax mode when the order was placed (false for orders from before it existed). */
  pricesIncludeTax: boolean;
  /** Shipping's part of `taxMinor`, when the order records it. */
  shippingTaxMinor?: number;
  totalMinor: number;
  currency: string;
  discount?: { code: string; kind: 'percentage' | 'fixed'; value: number };
  shipping?: {
    methodId: string;
    name: string;
    priceMinor: number;
    minDays?: number;
    maxDays?: number;
  };
  paymentMethod: 'card' | 'cash_on_delivery';
  /** `clientSecret` only for the order's owner, and only while the payment is being taken. */
  payment?: {
    provider: 'stripe' | 'test' | 'cash';
    clientSecret?: string;
    failureMessage?: string;
  };
  shipment?: { carrier: string; trackingNumber: string; trackingUrl?: string; shippedAt: string };
  deliveredAt?: string;
  refundedMinor: number;
  refunds: { refundId: string; amountMinor: number; reason: string; at: string }[];
  history: OrderHistoryView[];
  cancellation?: { code: string; message: string };
  /** A cell the saga cannot reach right now, and since when: the pay page explains the wait. */
  waitingOn?: { service: 'product' | 'payment'; since: string };
  customer: { name: string; email: string };
  shippingAddress: OrderAddressView;
  /** Whether the order may still be cancelled (it has not shipped). */
  canCancel: boolean;
  /**
   * How this caller cancels: `now` (the owner, staff), or `email-link` for a guest who looked the
   * order up (`order.requestCancelLink` mails the link to the order's address).
   */
  cancelBy: 'now' | 'email-link';
  /**
   * Changes whenever the order does: a page following the order passes it back to `order.get` as
   * `waitForChange.from`, and the call answers when there is something new.
   */
  version: string;
}

export interface OrderLineView {
  sku: string;
  productId: string;
  productSlug: string;
  name: string;
  variantLabel: string;
  imageUrl?: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
  /** The line's tax as placed; absent on orders from before tax classes. */
  tax?: { taxClass: TaxClass; taxRateBasisPoints: number; taxMinor: number };
}

export interface OrderHistoryView {
  from?: OrderStatus;
  to: OrderStatus;
  at: string;
  actorType: 'customer' | 'staff' | 'system';
  reason: string;
}

export interface OrderAddressView {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
  phone: string;
}

/** One row of `order.list`. */
export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  placedAt: string;
  totalMinor: number;
  currency: string;
  /** Units across every line. */
  itemCount: number;
  firstLineName: string;
}

/** One row of `order.adminList`. */
export type AdminOrderSummary = OrderSummary & { customerEmail: string; customerName: string };

export type StoredOrder = Order & { _id: Types.ObjectId; createdAt?: Date };

/** Statuses a shopper or staff may still cancel from: everything before shipping. */
export const cancellableStatuses: readonly OrderStatus[] = [
  'PENDING',
  'PAYMENT_PROCESSING',
  'CONFIRMED',
  'PROCESSING',
];

const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : undefined);
const placedAt = (order: StoredOrder) =>
  iso(order.createdAt) ?? order._id.getTimestamp().toISOString();

function addressView(address: Order['shippingAddress']): OrderAddressView {
  return {
    name: address?.name ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postcode: address?.postcode ?? '',
    country: address?.country ?? '',
    phone: address?.phone ?? '',
  };
}

export function orderView(order: StoredOrder, viewer: OrderViewer): OrderView {
  const showSecret = viewer.kind === 'owner' && order.status === 'PAYMENT_PROCESSING';
  return {
    id: String(order._id),
    number: order.number,
    status: order.status,
    placedAt: placedAt(order),
    lines: order.lines.map((line) => ({
      sku: line.sku,
      productId: line.productId,
      productSlug: line.productSlug,
      name: line.name,
      variantLabel: line.variantLabel ?? '',
      ...(line.imageUrl && { imageUrl: line.imageUrl }),
      unitPriceMinor: line.unitPriceMinor,
      quantity: line.quantity,
      lineTotalMinor: line.lineTotalMinor,
      ...(line.taxClass &&
        line.taxRateBasisPoints != null &&
        line.taxMinor != null && {
          tax: {
            taxClass: line.taxClass,
            taxRateBasisPoints: line.taxRateBasisPoints,
            taxMinor: line.taxMinor,
          },
        }),
    })),
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    shippingMinor: order.shippingMinor,
    taxMinor: order.taxMinor,
    pricesIncludeTax: order.pricesIncludeTax ?? false,
    ...(order.shippingTaxMinor != null && { shippingTaxMinor: order.shippingTaxMinor }),
    totalMinor: order.totalMinor,
    currency: order.currency,
    ...(order.discount && {
      discount: {
        code: order.discount.code,
        kind: order.discount.kind,
        value: order.discount.value,
      },
    }),
    ...(order.shipping && {
      shipping: {
        methodId: order.shipping.methodId,
        name: order.shipping.name,
        priceMinor: order.shipping.priceMinor,
        ...(order.shipping.minDays != null && { minDays: order.shipping.minDays }),
        ...(order.shipping.maxDays != null && { maxDays: order.shipping.maxDays }),
      },
    }),
    paymentMethod: order.paymentMethod,
    ...(order.payment && {
      payment: {
        provider: order.payment.provider,
        ...(showSecret &&
          order.payment.clientSecret && { clientSecret: order.payment.clientSecret }),
        ...(order.payment.failureMessage && { failureMessage: order.payment.failureMessage }),
      },
    }),
    ...(order.shipment && {
      shipment: {
        carrier: order.shipment.carrier,
        trackingNumber: order.shipment.trackingNumber,
        ...(order.shipment.trackingUrl && { trackingUrl: order.shipment.trackingUrl }),
        shippedAt: new Date(order.shipment.shippedAt).toISOString(),
      },
    }),
    ...(order.deliveredAt && { deliveredAt: new Date(order.deliveredAt).toISOString() }),
    refundedMinor: order.refundedMinor,
    refunds: order.refunds.map((refund) => ({
      refundId: refund.refundId,
      amountMinor: refund.amountMinor,
      reason: refund.reason ?? '',
      at: new Date(refund.at).toISOString(),
    })),
    history: order.history.map((entry) => ({
      ...(entry.from && { from: entry.from }),
      to: entry.to,
      at: new Date(entry.at).toISOString(),
      actorType: entry.actor.type,
      reason: entry.reason ?? '',
    })),
    ...(order.cancellation && {
      cancellation: { code: order.cancellation.code, message: order.cancellation.message },
    }),
    ...(order.waitingOn && {
      waitingOn: {
        service: order.waitingOn.service,
        since: new Date(order.waitingOn.since).toISOString(),
      },
    }),
    customer: { name: order.customer?.name ?? '', email: order.customer?.email ?? '' },
    shippingAddress: addressView(order.shippingAddress),
    canCancel: viewer.kind !== 'none' && cancellableStatuses.includes(order.status),
    cancelBy: viewer.kind === 'reader' ? 'email-link' : 'now',
    version: orderVersion(order),
  };
}

export function orderSummary(order: StoredOrder): OrderSummary {
  return {
    id: String(order._id),
    number: order.number,
    status: order.status,
    placedAt: placedAt(order),
    totalMinor: order.totalMinor,
    currency: order.currency,
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    firstLineName: order.lines[0]?.name ?? '',
  };
}

export function adminOrderSummary(order: StoredOrder): AdminOrderSummary {
  return {
    ...orderSummary(order),
    customerEmail: order.customer?.email ?? '',
    customerName: order.customer?.name ?? '',
  };
}
