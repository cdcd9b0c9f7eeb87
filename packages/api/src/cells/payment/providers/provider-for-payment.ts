import { randomBytes } from 'node:crypto';
import type { PaymentDocument } from '@shop/db/payment';
import { hostConfig } from '../../../config/host';
import type { CardPaymentProvider } from './payment-provider';
import { stripeProvider } from './stripe-provider';
import { testProcessor } from './test-processor';

/**
 * Cash collected on delivery is paid back by the shop itself (cash or bank transfer): the refund
 * is recorded, nothing is called.
 */
const cashRefunds: Pick<CardPaymentProvider, 'refund' | 'cancelPayment'> = {
  refund: async () => ({
    providerRefundId: `cash_re_${randomBytes(12).toString('hex')}`,
    status: 'succeeded',
  }),
  cancelPayment: async () => 'canceled',
};

/** The processor that took this payment (whichever is configured now). */
export function providerForPayment(
  payment: PaymentDocument,
): Pick<CardPaymentProvider, 'refund' | 'cancelPayment'> {
  if (payment.provider === 'stripe') return stripeProvider(hostConfig().STRIPE_PUBLISHABLE_KEY);
  if (payment.provider === 'cash') return cashRefunds;
  return testProcessor;
}
