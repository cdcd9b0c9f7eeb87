import { hostConfig } from '../../../config/host';
import Stripe from 'stripe';

/**
 * The Stripe SDK client, built from the environment: `STRIPE_SECRET_KEY`, and for tests or a local
 * stand-in `STRIPE_API_HOST`, `STRIPE_API_PORT`, `STRIPE_API_PROTOCOL`. Rebuilt only when those
 * change. The SDK retries network failures itself, with the same idempotency key.
 */
let cached: { signature: string; client: Stripe } | undefined;

export function stripeSecretKey(): string | undefined {
  return hostConfig().STRIPE_SECRET_KEY;
}

export function stripeClient(): Stripe {
  const secretKey = stripeSecretKey();
  if (!secretKey) throw new Error('STRIPE_SECRET_KEY is not set');
  const { STRIPE_API_HOST: host, STRIPE_API_PORT: port } = hostConfig();
  const protocol = hostConfig().STRIPE_API_PROTOCOL === 'http' ? 'http' : undefined;
  const signature = [secretKey, host, port, protocol].join('\n');
  if (cached?.signature !== signature) {
    cached = {
      signature,
      client: new Stripe(secretKey, {
        ...(host ? { host } : {}),
        ...(port ? { port } : {}),
        ...(protocol ? { protocol } : {}),
        maxNetworkRetries: 1,
        // Two attempts stay under the 10 s a cross-cell call waits for the payment cell.
        timeout: 4_000,
        appInfo: { name: 'shop-payment-cell' },
      }),
    };
  }
  return cached.client;
}
