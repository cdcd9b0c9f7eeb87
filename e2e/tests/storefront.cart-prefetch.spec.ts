import { expect, test, type Page, type Request } from './support/playwright';
import { signUpShopper, strongPassword, uniqueEmail } from './support/accounts';
import { addToCart, findBuyableVariants } from './support/checkout-flow';

/** Requests the page has started and not yet finished (or failed), by URL. */
function trackPending(page: Page): () => string[] {
  const pending = new Set<Request>();
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  return () => [...pending].map((request) => `${request.method()} ${request.url()}`);
}

/**
 * The cart page prefetches its products' pages (next/link). A signed-in shopper's prefetches once
 * stayed pending for ~27 s before the browser dropped them, so the page never went quiet; a
 * guest's did not. The page must settle as quickly for both.
 */
test('a signed-in shopper’s cart page settles within a few seconds', async ({ page, request }) => {
  test.setTimeout(120_000);
  const [variant] = await findBuyableVariants(request, 1);
  await addToCart(page, variant!);
  await signUpShopper(page, {
    name: 'Petra Prefetch',
    email: uniqueEmail('prefetch'),
    password: strongPassword(),
  });

  const pending = trackPending(page);
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  const started = Date.now();
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch((error: unknown) => {
    throw new Error(`still pending after 5 s: ${pending().join(', ')}`, { cause: error });
  });
  expect(Date.now() - started).toBeLessThan(5_000);
  // The product page it prefetched opens at once, still signed in.
  await page.getByTestId('cart-line').getByRole('link', { name: variant!.name }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${variant!.slug}`));
  await expect(page.getByTestId('account-menu')).toBeVisible();
});
