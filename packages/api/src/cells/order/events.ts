import { eventType } from 'inngest';
import { z } from 'zod';

/**
 * Events the order cell sends. Those that lead to an email carry what the email shows (the
 * notification cell never calls back for it), so a message renders the order as it was when the
 * event happened.
 */

const money = z.number().int().nonnegative();

const orderRef = {
  orderId: z.string().min(1),
  number: z.string().min(1),
  /** Absent for guest orders. */
  accountId: z.string().min(1).optional(),
  /** Where the shopper is told; absent once the order was anonymised. */
  email: z.string().email().optional(),
  name: z.string(),
};

const emailLine = z.object({
  sku: z.string().min(1),
  name: z.string().min(1),
  variantLabel: z.string(),
  quantity: z.number().int().positive(),
  unitPriceMinor: money,
  lineTotalMinor: money,
});

const emailAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string(),
  city: z.string(),
  region: z.string(),
  postcode: z.string(),
  country: z.string(),
});

/** Starts the order saga. */
export const orderCreated = eventType('order/order.created', {
  schema: z.object({
    ...orderRef,
    totalMinor: money,
    currency: z.string().length(3),
    paymentMethod: z.enum(['card', 'cash_on_delivery']),
    lines: z.array(
      z.object({
        productId: z.string().min(1),
        sku: z.string().min(1),
        quantity: z.number().int().positive(),
        unitPriceMinor: money,
      }),
    ),
  }),
});

/** Paid (or cash on delivery accepted): the confirmation email and the conversion follow. */
export const orderConfirmed = eventType('order/order.confirmed', {
  schema: z.object({
    ...orderRef,
    lines: z.array(emailLine),
    subtotalMinor: money,
    discountMinor: money,
    shippingMinor: money,
    taxMinor: money,
    totalMinor: money,
    /** True: taxMinor is contained in the prices (incl. VAT); false or absent: it was added. */
    pricesIncludeTax: z.boolean().optional(),
    currency: z.string().length(3),
    shippingMethod: z.string(),
    paymentMethod: z.enum(['card', 'cash_on_delivery']),
    shippingAddress: emailAddress,
    placedAt: z.string(),
  }),
});

/** Why an order was cancelled: payment, stock, timeout, the customer or staff. */
export const orderCancellationCodes = [
  'payment_failed',
  'payment_timeout',
  'sold_out',
  'customer_request',
  'staff',
  'account_deleted',
] as const;

export const orderCancelled = eventType('order/order.cancelled', {
  schema: z.object({
    ...orderRef,
    code: z.enum(orderCancellationCodes),
    /** A sentence for the shopper, e.g. "Your card was declined." */
    message: z.string(),
    /** What was refunded because of the cancellation (0 when nothing had been charged). */
    refundedMinor: money,
    totalMinor: money,
    currency: z.string().length(3),
  }),
});

export const orderShipped = eventType('order/order.shipped', {
  schema: z.object({
    ...orderRef,
    carrier: z.string(),
    trackingNumber: z.string(),
    trackingUrl: z.string().optional(),
  }),
});

export const orderDelivered = eventType('order/order.delivered', {
  schema: z.object({ ...orderRef }),
});

export const orderRefunded = eventType('order/order.refunded', {
  schema: z.object({
    ...orderRef,
    refundId: z.string().min(1),
    amountMinor: money,
    totalRefundedMinor: money,
    currency: z.string().length(3),
    reason: z.string(),
  }),
});

/**
 * A guest asked to cancel through a lookup: the notification cell mails the single-use link to the
 * order's address (only whoever reads that mailbox can cancel). `token` is the link's secret; the
 * order cell keeps only its hash, and nothing may log this event's data.
 */
export const orderCancelLinkRequested = eventType('order/cancel-link.requested', {
  schema: z.object({
    ...orderRef,
    token: z.string().min(32),
    expiresAt: z.iso.datetime(),
    totalMinor: money,
    currency: z.string().length(3),
  }),
});
