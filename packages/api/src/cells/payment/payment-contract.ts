import { paymentStatuses } from '@shop/db/payment';
import { z } from 'zod';

/**
 * Inputs and outputs of the payment cell's procedures: the contract the order saga, the storefront
 * and the back office code against. Money is integer minor units; amounts always come from the
 * order cell, never from a browser.
 */

const money = z.number().int().nonnegative();
/** The order's id (a MongoDB ObjectId in hex), which is also the id of its payment. */
const objectId = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{24}$/i, 'must be an id of 24 hexadecimal characters');
const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as EUR')
  .transform((code) => code.toUpperCase());

export const paymentStatus = z.enum(paymentStatuses);
export const paymentProvider = z.enum(['stripe', 'test', 'cash']);

// payment.config
export const paymentConfigOutput = z.object({
  provider: z.enum(['stripe', 'test']),
  publishableKey: z.string().optional(),
});
export type PaymentConfig = z.infer<typeof paymentConfigOutput>;

// payment.startPayment
export const startPaymentInput = z.object({
  orderId: objectId,
  number: z.string().trim().min(1).max(40),
  amountMinor: z.number().int().positive().max(99_999_999),
  currency,
  method: z.enum(['card', 'cash_on_delivery']),
  accountId: objectId.optional(),
  email: z.string().trim().email().max(320).optional(),
  name: z.string().trim().max(200).optional(),
});
export type StartPaymentInput = z.infer<typeof startPaymentInput>;
export const startPaymentOutput = z.object({
  paymentId: z.string(),
  provider: paymentProvider,
  status: paymentStatus,
  /** Card payments only: what the browser confirms with (Stripe.js or the test processor form). */
  clientSecret: z.string().optional(),
});
export type StartPaymentOutput = z.infer<typeof startPaymentOutput>;

// payment.confirmTestPayment / payment.completeTestAuthentication
const clientSecret = z.string().min(1).max(200);
export const confirmTestPaymentInput = z.object({
  paymentId: objectId,
  clientSecret,
  card: z.object({
    // Spaces and dashes as typed are allowed; only digits are kept.
    number: z
      .string()
      .max(40)
      .transform((typed) => typed.replace(/[\s-]/g, '')),
    expMonth: z
      .number()
      .int()
      .min(1, 'expiry month must be 1–12')
      .max(12, 'expiry month must be 1–12'),
    /** Four digits (2031) or two (31). */
    expYear: z.number().int().min(0).max(2200),
    cvc: z.string().regex(/^[0-9]{3,4}$/, 'the security code is 3 or 4 digits'),
  }),
  name: z.string().trim().max(200).optional(),
});
export type ConfirmTestPaymentInput = z.infer<typeof confirmTestPaymentInput>;
export const completeTestAuthenticationInput = z.object({
  paymentId: objectId,
  clientSecret,
  approve: z.boolean(),
});
export const testPaymentOutcome = z.object({
  status: z.enum(['succeeded', 'requires_action', 'failed']),
  /** Why it failed, as a sentence for the shopper. */
  message: z.string().optional(),
});
export type TestPaymentOutcome = z.infer<typeof testPaymentOutcome>;

// payment.cancelForOrder
export const cancelForOrderInput = z.object({
  orderId: objectId,
  reason: z.string().trim().max(500).default(''),
});
export const cancelForOrderOutput = z.object({
  /** The payment's status afterwards; `none` when the order never had a payment. */
  status: z.union([paymentStatus, z.literal('none')]),
  /** Everything refunded on this payment so far. */
  refundedMinor: money,
});
export type CancelForOrderOutput = z.infer<typeof cancelForOrderOutput>;

// payment.refund
export const refundInput = z.object({
  orderId: objectId,
  amountMinor: z.number().int().positive('refund a positive amount').max(99_999_999),
  reason: z.string().trim().max(500).default(''),
  idempotencyKey: z.string().trim().min(8).max(100),
});
export type RefundInput = z.infer<typeof refundInput>;
export const refundOutput = z.object({
  refundId: z.string(),
  amountMinor: money,
  totalRefundedMinor: money,
  currency: z.string(),
});
export type RefundOutput = z.infer<typeof refundOutput>;

// payment.forOrder
export const forOrderInput = z.object({ orderId: objectId });
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
