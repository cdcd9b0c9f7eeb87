import { expect, test } from './support/playwright';
import { startAppWithoutCells, type AppWithoutCells } from './support/app-without-cells';

let storefront: AppWithoutCells;
test.beforeAll(async () => {
  storefront = await startAppWithoutCells('storefront', 3250);
});
test.afterAll(async () => {
  await storefront?.stop();
});

test('with the catalogue cells down the home page explains, instead of failing', async ({
  page,
}) => {
  const response = await page.goto(storefront.url);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('catalogue-unavailable')).toBeVisible();
  await expect(page.getByTestId('catalogue-unavailable')).toContainText(
    'Our catalogue is taking a break',
  );
  await expect(page.getByTestId('product-card')).toHaveCount(0);
  // The shell still works: the shopper can search or navigate once the catalogue is back.
  await expect(page.getByRole('combobox', { name: 'Search products' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/at .*\.(ts|js):\d+/);
});

test('with the search cell down the gateway answers 503 with a message, never a stack', async ({
  request,
}) => {
  const input = encodeURIComponent(JSON.stringify({ 0: { q: 'lamp' } }));
  const response = await request.get(
    `${storefront.url}/api/cells/search/search.query?batch=1&input=${input}`,
  );
  expect(response.status()).toBe(503);
  expect(await response.json()).toEqual({
    error: { message: 'The search service is unavailable' },
  });
});
