import { hostConfig } from '../../../config/host';
import type { HandlerArgs } from '../../../trpc/context';
import type { CompleteTestAuthenticationInput, ConfirmTestPaymentInput } from '../inputs';
import { cardProvider } from '../providers/choose-provider';
import { answerTestAuthentication, payWithTestCard } from '../test-payment-confirmation';
import type { PaymentConfig, TestPaymentOutcome } from '../views';

/**
 * What the storefront's payment step calls: which processor to talk to, and, with the built-in
 * test processor, the card form and its 3-D Secure step (the payment's client secret is the
 * browser's credential).
 */

/** Which processor the storefront's payment step talks to. */
export function config(): PaymentConfig {
  const provider = cardProvider();
  return {
    provider: provider.name,
    ...(provider.publishableKey ? { publishableKey: provider.publishableKey } : {}),
    ...(provider.name === 'test' && hostConfig().PAYMENTS_TEST_MODE ? { testMode: true } : {}),
  };
}

export function confirmTestPayment({
  input,
  ctx,
}: HandlerArgs<ConfirmTestPaymentInput>): Promise<TestPaymentOutcome> {
  return payWithTestCard(input, ctx.logger);
}

export function completeTestAuthentication({
  input,
  ctx,
}: HandlerArgs<CompleteTestAuthenticationInput>): Promise<TestPaymentOutcome> {
  return answerTestAuthentication(input, ctx.logger);
}
