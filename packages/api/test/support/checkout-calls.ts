import { randomBytes, randomUUID } from 'node:crypto';
import { createCellClient } from '../../src/client';

/**
 * A guest shopper driving the real checkout over HTTP: a cart token of their own, items in the
 * cart, the quote they were shown, then `order.place` with it (as the storefront does).
 */
export function guestShopper(hostUrl: string) {
  const cartToken = randomBytes(32).toString('base64url');
  const client = createCellClient({
    urlFor: () => `${hostUrl}/trpc`,
    headers: () => ({ 'x-cart-token': cartToken }),
  });
  const email = `guest-${cartToken
    .slice(0, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}@example.com`;
  const address = {
    name: 'Gina Guest',
    line1: '5 Harbour Road',
    city: 'Cork',
    postcode: 'T12 X1Y2',
    country: 'IE',
  };

  return {
    client,
    email,
    async add(sku: string, quantity: number) {
      await client.order.addToCart.mutate({ sku, quantity });
    },
    /** The checkout form as submitted: the shipping method and the total the shopper saw. */
    async checkoutForm(paymentMethod: 'card' | 'cash_on_delivery' = 'card') {
      const options = await client.order.checkoutOptions.query();
      const shippingMethodId = options.shippingMethods[0]?.id ?? 'standard';
      const quote = await client.order.quote.query({ shippingMethodId, country: 'IE' });
      return {
        idempotencyKey: randomUUID(),
        email,
        shippingAddress: address,
        shippingMethodId,
        paymentMethod,
        expectedTotalMinor: quote.totalMinor,
      };
    },
  };
}
