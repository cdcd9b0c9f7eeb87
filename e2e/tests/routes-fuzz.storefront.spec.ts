import { expect, test } from './support/playwright';
import { fuzzRoutes } from './support/route-fuzz';

const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;
const someId = '0123456789abcdef01234567';

// Every route handler of apps/storefront/src/app/**/route.ts, by a path that reaches it.
const paths = [
  '/api/cells/product/product.list',
  '/api/cells/order/order.addToCart',
  '/api/cells/search/search.suggest',
  '/api/cells/nothing/nothing.here',
  '/api/auth/session',
  '/api/auth/csrf',
  '/api/auth/callback/credentials',
  '/api/auth/signout',
  '/api/csp-report',
  '/api/events',
  '/api/media/review-photos',
  `/api/orders/${someId}`,
  '/api/revalidate',
  '/api/webhooks/stripe',
  '/healthz',
  '/images/products/none.jpg',
  `/media/product/${someId}`,
  `/media/review/${someId}`,
  '/unsubscribe/one-click',
];

test('the storefront route handlers answer malformed requests without a 5xx or internals', async ({
  request,
}) => {
  test.setTimeout(300_000);
  expect(await fuzzRoutes(storefrontUrl, paths)).toEqual([]);
  // The gateway's per-address bucket refills before the next spec's pages need it.
  await expect
    .poll(async () => (await request.get('/api/cells/nothing/nothing.here')).status(), {
      timeout: 30_000,
    })
    .not.toBe(429);
});
