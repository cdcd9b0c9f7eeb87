import type { PaymentDocument, RefundDocument } from '@shop/db/payment';
import type { PaymentView, RefundView, TestPaymentOutcome } from './payment-contract';

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
