import { eventType } from 'inngest';
import { z } from 'zod';

/** Events the payment cell sends; the order saga waits for the first two. */

const money = z.number().int().nonnegative();

export const paymentSucceeded = eventType('payment/payment.succeeded', {
  schema: z.object({
    orderId: z.string().min(1),
    paymentId: z.string().min(1),
    provider: z.enum(['stripe', 'test', 'cash']),
    amountMinor: money,
    currency: z.string().length(3),
  }),
});

export const paymentFailed = eventType('payment/payment.failed', {
  schema: z.object({
    orderId: z.string().min(1),
    paymentId: z.string().min(1),
    provider: z.enum(['stripe', 'test', 'cash']),
    /** Stripe's decline codes where known: card_declined, insufficient_funds, authentication_failed... */
    code: z.string().min(1),
    /** A sentence the shopper can act on, e.g. "Your card has insufficient funds." */
    message: z.string().min(1),
  }),
});

export const refundSucceeded = eventType('payment/refund.succeeded', {
  schema: z.object({
    orderId: z.string().min(1),
    paymentId: z.string().min(1),
    refundId: z.string().min(1),
    amountMinor: money,
    /** All refunds of this payment so far, this one included. */
    totalRefundedMinor: money,
    currency: z.string().length(3),
    reason: z.string(),
  }),
});

/**
 * A staff refund the payment provider refused or failed (nothing was refunded): the notification
 * cell raises a staff alert, since the customer still waits for their money.
 */
export const refundFailed = eventType('payment/refund.failed', {
  schema: z.object({
    orderId: z.string().min(1),
    orderNumber: z.string().min(1).optional(),
    refundId: z.string().min(1),
    amountMinor: money,
    currency: z.string().length(3),
    /** The provider's reason, as the refund records it. */
    message: z.string().min(1),
  }),
});
