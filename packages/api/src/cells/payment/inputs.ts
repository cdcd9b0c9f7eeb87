import { z } from 'zod';
import { shownParagraphs, shownText } from '../../text-input/shown-text';
import { objectIdTextPattern } from '../../ids/object-id-text';

/**
 * Input schemas of the payment cell's procedures: what the order saga, the storefront and the
 * back office send. Money is integer minor units; amounts always come from the order cell, never
 * from a browser.
 */

/** The order's id (a MongoDB ObjectId in hex), which is also the id of its payment. */
const objectId = z
  .string()
  .trim()
  .regex(objectIdTextPattern, 'must be an id of 24 hexadecimal characters');
const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as EUR')
  .transform((code) => code.toUpperCase());
const clientSecret = z.string().min(1).max(200);

export const startPaymentInput = z.object({
  orderId: objectId,
  number: z.string().trim().min(1).max(40),
  amountMinor: z.number().int().positive().max(99_999_999),
  currency,
  method: z.enum(['card', 'cash_on_delivery']),
  accountId: objectId.optional(),
  email: z.string().trim().email().max(320).optional(),
  name: shownText(200).optional(),
});
export type StartPaymentInput = z.infer<typeof startPaymentInput>;

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
  name: shownText(200).optional(),
});
export type ConfirmTestPaymentInput = z.infer<typeof confirmTestPaymentInput>;

export const completeTestAuthenticationInput = z.object({
  paymentId: objectId,
  clientSecret,
  approve: z.boolean(),
});
export type CompleteTestAuthenticationInput = z.infer<typeof completeTestAuthenticationInput>;

export const cancelForOrderInput = z.object({
  orderId: objectId,
  reason: shownParagraphs(500).default(''),
});
export type CancelForOrderInput = z.infer<typeof cancelForOrderInput>;

export const closeUnlessPaidInput = z.object({ orderId: objectId });
export type CloseUnlessPaidInput = z.infer<typeof closeUnlessPaidInput>;

export const refundInput = z.object({
  orderId: objectId,
  amountMinor: z.number().int().positive('refund a positive amount').max(99_999_999),
  reason: shownParagraphs(500).default(''),
  idempotencyKey: z.string().trim().min(8).max(100),
});
export type RefundInput = z.infer<typeof refundInput>;

export const forOrderInput = z.object({ orderId: objectId });
export type ForOrderInput = z.infer<typeof forOrderInput>;
