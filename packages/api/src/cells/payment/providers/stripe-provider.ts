import {
  PaymentProviderError,
  type CardPaymentProvider,
  type CreateCardPayment,
  type ProviderRefundRequest,
} from './payment-provider';
import { stripeClient, stripeSdk } from './stripe-client';

/** Stripe's error, re-thrown with a message safe to show staff (never the request). */
async function providerError(error: unknown, doing: string): Promise<PaymentProviderError> {
  const Stripe = await stripeSdk();
  if (error instanceof Stripe.errors.StripeError) {
    return new PaymentProviderError(
      `Stripe refused to ${doing}: ${error.message}`,
      error.code ?? error.type,
    );
  }
  return new PaymentProviderError(
    `Stripe could not be reached to ${doing}`,
    'provider_unreachable',
  );
}

/**
 * Card payments through Stripe PaymentIntents. The amount and currency come from the order cell;
 * the browser confirms with the Payment Element and the intent's client secret, and the outcome
 * arrives by webhook (`stripe-webhook-route.ts`).
 */
export function stripeProvider(publishableKey: string | undefined): CardPaymentProvider {
  return {
    name: 'stripe',
    publishableKey,
    createPayment: async (request: CreateCardPayment) => {
      try {
        const stripe = await stripeClient();
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amountMinor,
            // Stripe wants lower-case ISO codes.
            currency: request.currency.toLowerCase(),
            automatic_payment_methods: { enabled: true },
            metadata: { orderId: request.orderId, orderNumber: request.orderNumber },
            description: `Order ${request.orderNumber}`,
            ...(request.email ? { receipt_email: request.email } : {}),
          },
          { idempotencyKey: request.idempotencyKey },
        );
        if (!intent.client_secret) throw new Error('Stripe returned no client secret');
        return { providerPaymentId: intent.id, clientSecret: intent.client_secret };
      } catch (error) {
        throw await providerError(error, 'start the payment');
      }
    },
    clientSecretOf: async (providerPaymentId: string) => {
      try {
        const stripe = await stripeClient();
        const intent = await stripe.paymentIntents.retrieve(providerPaymentId);
        return intent.client_secret ?? undefined;
      } catch (error) {
        throw await providerError(error, 'read the payment');
      }
    },
    cancelPayment: async (providerPaymentId: string, idempotencyKey: string) => {
      try {
        const stripe = await stripeClient();
        await stripe.paymentIntents.cancel(
          providerPaymentId,
          { cancellation_reason: 'abandoned' },
          { idempotencyKey },
        );
        return 'canceled';
      } catch (error) {
        // Cancelling an intent that has succeeded (or is already cancelled) is refused with
        // `payment_intent_unexpected_state`: look at where it stands instead.
        const Stripe = await stripeSdk();
        if (
          error instanceof Stripe.errors.StripeError &&
          error.code === 'payment_intent_unexpected_state'
        ) {
          const stripe = await stripeClient();
          const intent = await stripe.paymentIntents.retrieve(providerPaymentId);
          if (intent.status === 'succeeded') return 'already_succeeded';
          if (intent.status === 'canceled') return 'canceled';
        }
        throw await providerError(error, 'cancel the payment');
      }
    },
    refund: async (request: ProviderRefundRequest) => {
      try {
        const stripe = await stripeClient();
        const refund = await stripe.refunds.create(
          {
            payment_intent: request.providerPaymentId,
            amount: request.amountMinor,
            metadata: { orderId: request.orderId, reason: request.reason.slice(0, 500) },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        if (refund.status === 'failed' || refund.status === 'canceled') {
          throw new PaymentProviderError(
            `Stripe could not refund: ${refund.failure_reason ?? refund.status}`,
            'refund_failed',
          );
        }
        return {
          providerRefundId: refund.id,
          status: refund.status === 'succeeded' ? 'succeeded' : 'pending',
        };
      } catch (error) {
        if (error instanceof PaymentProviderError) throw error;
        throw await providerError(error, 'refund');
      }
    },
  };
}
