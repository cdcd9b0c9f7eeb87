import { expect, test, type Route } from './support/playwright';
import { findBuyableVariants } from './support/checkout-flow';

/**
 * A fresh page's header asks for the cart as it mounts. When that read answers only after the
 * shopper's first "Add to cart" has (a slow network, a busy cell), it carries the cart as it was
 * before the add, and once replaced what the add answered: the mini-cart opened saying "Your cart
 * is empty". This holds the read back on purpose until the add has answered.
 */
test('a cart read that answers after "Add to cart" does not undo the add', async ({
  page,
  request,
}) => {
  const [variant] = await findBuyableVariants(request, 1, { skip: 3 });
  let addAnswered!: () => void;
  const afterAdd = new Promise<void>((resolve) => (addAnswered = resolve));
  page.on('response', (response) => {
    if (response.url().includes('order.addToCart')) addAnswered();
  });

  let heldReads = 0;
  let released!: () => void;
  const heldReadDone = new Promise<void>((resolve) => (released = resolve));
  await page.route(/\/api\/cells\/order\b.*order\.cart\b/, async (route: Route) => {
    if (route.request().method() !== 'GET') return route.continue();
    heldReads += 1;
    // The cell answers now, with the cart before the add; the browser sees it only afterwards.
    const before = await route.fetch();
    await afterAdd;
    await route.fulfill({ response: before }).catch(() => {
      // The page gave up on this read (the fix cancels it): nothing left to deliver.
    });
    released();
  });

  await page.goto(`/products/${variant!.slug}?sku=${encodeURIComponent(variant!.sku)}`);
  await expect(page.getByTestId('selected-sku')).toHaveText(`SKU ${variant!.sku}`);
  await expect.poll(() => heldReads).toBeGreaterThan(0);
  await page.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();

  const panel = page.getByTestId('mini-cart-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(variant!.name);
  // Still there once the held read has been delivered (or dropped), and the page has rendered it.
  await heldReadDone;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await expect(panel).toContainText(variant!.name);
  await expect(panel).not.toContainText('Your cart is empty');
});
