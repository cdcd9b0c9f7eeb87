import { paymentStatuses, type PaymentDocument, type RefundDocument } from '@shop/db/payment';
import { z } from 'zod';

/**
 * What the payment cell's procedures answer, as zod schemas (each procedure checks its answer
 * with `.output`), their types, and the functions that make them from stored documents. Money is
 * integer minor units.
 */

const money = z.number().int().nonnegative();

export const paymentStatus = z.enum(paymentStatuses);
export const paymentProvider = z.enum(['stripe', 'test', 'cash']);

// payment.config
export const paymentConfigOutput = z.object({
  provider: z.enum(['stripe', 'test']),
  publishableKey: z.string().optional(),
  /**
   * true when PAYMENTS_TEST_MODE switched test payments on (production without Stripe keys): the
   * storefront shows a "test mode" banner. Absent otherwise.
   */
  testMode: z.boolean().optional(),
});
export type PaymentConfig = z.infer<typeof paymentConfigOutput>;

// payment.startPayment
export const startPaymentOutput = z.object({
  paymentId: z.string(),
  provider: paymentProvider,
  status: paymentStatus,
  /** Card payments only: what the browser confirms with (Stripe.js or the test processor form). */
  clientSecret: z.string().optional(),
});
export type StartPaymentOutput = z.infer<typeof startPaymentOutput>;

// payment.confirmTestPayment / payment.completeTestAuthentication
export const testPaymentOutcome = z.object({
  status: z.enum(['succeeded', 'requires_action', 'failed']),
  /** Why it failed, as a sentence for the shopper. */
  message: z.string().optional(),
});
export type TestPaymentOutcome = z.infer<typeof testPaymentOutcome>;

// payment.cancelForOrder
export const cancelForOrderOutput = z.object({
  /** The payment's status afterwards; `none` when the order never had a payment. */
  status: z.union([paymentStatus, z.literal('none')]),
  /** Everything refunded on this payment so far. */
  refundedMinor: money,
});
export type CancelForOrderOutput = z.infer<typeof cancelForOrderOutput>;

// payment.closeUnlessPaid
export const closeUnlessPaidOutput = z.object({
  /** A payment succeeded (or cash on delivery was accepted): confirm the order, do not cancel. */
  paid: z.boolean(),
  status: z.union([paymentStatus, z.literal('none')]),
});
export type CloseUnlessPaidOutput = z.infer<typeof closeUnlessPaidOutput>;

// payment.refund
export const refundOutput = z.object({
  refundId: z.string(),
  amountMinor: money,
  totalRefundedMinor: money,
  currency: z.string(),
});
export type RefundOutput = z.infer<typeof refundOutput>;

// payment.forOrder
export const paymentView = z.object({
  id: z.string(),
  provider: paymentProvider,
  status: paymentStatus,
  amountMinor: money,
  capturedMinor: money,
  refundedMinor: money,
  currency: z.string(),
  card: z.object({ brand: z.string(), last4: z.string() }).optional(),
  failureMessage: z.string().optional(),
  createdAt: z.string(),
});
export type PaymentView = z.infer<typeof paymentView>;
export const refundView = z.object({
  id: z.string(),
  amountMinor: money,
  reason: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  createdAt: z.string(),
});
export type RefundView = z.infer<typeof refundView>;
export const forOrderOutput = z.object({
  payments: z.array(paymentView),
  refunds: z.array(refundView),
});
export type ForOrderOutput = z.infer<typeof forOrderOutput>;

export function paymentViewOf(payment: PaymentDocument): PaymentView {
  return {
    id: payment._id.toString(),
    provider: payment.provider ?? 'test',
    status: payment.status,
    amountMinor: payment.amountMinor,
    capturedMinor: payment.capturedMinor,
    refundedMinor: payment.refundedMinor,
    currency: payment.currency,
    ...(payment.card ? { card: { brand: payment.card.brand, last4: payment.card.last4 } } : {}),
    ...(payment.failure ? { failureMessage: payment.failure.message } : {}),
    createdAt: payment.createdAt.toISOString(),
  };
}

export function refundViewOf(refund: RefundDocument): RefundView {
  return {
    id: refund._id.toString(),
    amountMinor: refund.amountMinor,
    reason: refund.reason,
    status: refund.status,
    createdAt: refund.createdAt.toISOString(),
  };
}

export const cancelledPaymentMessage = 'This payment was cancelled; the order is no longer open.';

/** What the shopper's confirmation form shows for a payment as it stands. */
export function testOutcomeOf(payment: PaymentDocument): TestPaymentOutcome {
  switch (payment.status) {
    case 'succeeded':
      return { status: 'succeeded' };
    case 'requires_action':
      return { status: 'requires_action' };
    case 'canceled':
      return { status: 'failed', message: cancelledPaymentMessage };
    case 'failed':
      return { status: 'failed', message: payment.failure?.message ?? 'The payment failed.' };
    default:
      return { status: 'failed', message: 'This payment cannot be confirmed here.' };
  }
}
