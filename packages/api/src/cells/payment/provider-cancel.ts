import type { PaymentDocument, PaymentStatus } from '@shop/db/payment';
import { TRPCError } from '@trpc/server';
import { PaymentProviderError } from './providers/payment-provider';
import { providerForPayment } from './providers/provider-for-payment';

/** Statuses in which nothing has been taken yet, so the payment can simply be cancelled. */
export const unsettledStatuses: readonly PaymentStatus[] = [
  'requires_payment',
  'requires_action',
  'processing',
  'pending_collection',
];

/**
 * Cancels the payment at its provider (one idempotency key per order, so every caller's retry is
 * the same request). `already_succeeded`: the shopper paid at the provider before the cancel
 * arrived (the provider is the truth for that, even when its webhook has not reached us yet).
 */
export async function cancelAtProvider(
  payment: PaymentDocument,
  orderId: string,
): Promise<'canceled' | 'already_succeeded'> {
  if (!payment.providerPaymentId) return 'canceled';
  try {
    return await providerForPayment(payment).cancelPayment(
      payment.providerPaymentId,
      `order-${orderId}-cancel`,
    );
  } catch (error) {
    if (error instanceof PaymentProviderError)
      throw new TRPCError({ code: 'BAD_GATEWAY', message: error.message, cause: error });
    throw error;
  }
}
