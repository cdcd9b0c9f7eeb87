import { hostConfig } from '../../../config/host';
import type Stripe from 'stripe';

/**
 * The Stripe SDK client, built from the environment: `STRIPE_SECRET_KEY`, and for tests or a local
 * stand-in `STRIPE_API_HOST`, `STRIPE_API_PORT`, `STRIPE_API_PROTOCOL`. Rebuilt only when those
 * change. The SDK retries network failures itself, with the same idempotency key.
 */
let cached: { signature: string; client: Stripe } | undefined;

/**
 * The SDK, imported when a host first talks to Stripe rather than when the payment cell loads:
 * about 0.25 s of CPU that a host on the test processor, and every test file, never needs.
 */
export async function stripeSdk(): Promise<typeof Stripe> {
  return (await import('stripe')).default;
}

export function stripeSecretKey(): string | undefined {
  return hostConfig().STRIPE_SECRET_KEY;
}

export async function stripeClient(): Promise<Stripe> {
  const secretKey = stripeSecretKey();
  if (!secretKey) throw new Error('STRIPE_SECRET_KEY is not set');
  const { STRIPE_API_HOST: host, STRIPE_API_PORT: port } = hostConfig();
  const protocol = hostConfig().STRIPE_API_PROTOCOL === 'http' ? 'http' : undefined;
  const signature = [secretKey, host, port, protocol].join('\n');
  if (cached?.signature !== signature) {
    const StripeSdk = await stripeSdk();
    cached = {
      signature,
      client: new StripeSdk(secretKey, {
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
