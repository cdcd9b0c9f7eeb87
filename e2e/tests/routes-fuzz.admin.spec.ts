import { expect, test } from './support/playwright';
import { fuzzRoutes } from './support/route-fuzz';

const adminUrl = `http://127.0.0.1:${process.env.ADMIN_PORT ?? 3300}`;
const someId = '0123456789abcdef01234567';

// Every route handler of apps/admin/src/app/**/route.ts, by a path that reaches it (signed out:
// what anyone on the network can send).
const paths = [
  '/api/cells/product/product.list',
  '/api/cells/order/order.saveDiscountCode',
  '/api/cells/nothing/nothing.here',
  '/api/auth/session',
  '/api/auth/csrf',
  '/api/auth/callback/credentials',
  '/api/csp-report',
  '/api/media/product-images',
  '/analytics/csv',
  '/catalog/export',
  '/healthz',
  `/media/product/${someId}`,
  `/media/review/${someId}`,
];

test('the admin route handlers answer malformed requests without a 5xx or internals', async ({
  request,
}) => {
  test.setTimeout(300_000);
  expect(await fuzzRoutes(adminUrl, paths)).toEqual([]);
  await expect
    .poll(async () => (await request.get('/api/cells/nothing/nothing.here')).status(), {
      timeout: 30_000,
    })
    .not.toBe(429);
});
