import { hostConfig } from '../../../config/host';
import type { CardPaymentProvider } from './payment-provider';
import { stripeSecretKey } from './stripe-client';
import { stripeProvider } from './stripe-provider';
import { testProcessor } from './test-processor';

/**
 * The card processor: Stripe when `STRIPE_SECRET_KEY` is set, else the built-in test processor.
 * Read when asked (the environment is fixed once a host has started), so a test file can set it
 * before its first call.
 */
export function cardProvider(): CardPaymentProvider {
  if (stripeSecretKey()) return stripeProvider(hostConfig().STRIPE_PUBLISHABLE_KEY);
  return testProcessor;
}
