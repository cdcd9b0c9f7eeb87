import { expect, test, type Page } from './support/playwright';
import { addToCart, fillShippingAddress, findBuyableVariants } from './support/checkout-flow';

/** Every event the page's tracker sends to `/api/events` (beacons), with the route's answer. */
function collectTrackedEvents(page: Page) {
  const events: Record<string, unknown>[] = [];
  const statuses: number[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/events') || request.method() !== 'POST') return;
    const batch = JSON.parse(request.postData() ?? '{}') as { events?: Record<string, unknown>[] };
    events.push(...(batch.events ?? []));
  });
  page.on('response', (response) => {
    if (response.url().endsWith('/api/events')) statuses.push(response.status());
  });
  return { events, statuses };
}

test('the storefront reports removing from the cart and each checkout step', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const tracked = collectTrackedEvents(page);
  const [kept, dropped] = await findBuyableVariants(request, 2);
  await addToCart(page, kept!);
  await addToCart(page, dropped!);
  // From here on client-side navigation only: the page (and its tracker) stays, so every beacon
  // it sends is seen here (one sent while a page unloads is not reported to the test).
  await page.getByTestId('mini-cart-panel').getByRole('link', { name: 'View cart' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  const droppedLine = page.locator(`[data-testid="cart-line"][data-sku="${dropped!.sku}"]`);
  await droppedLine.getByRole('button', { name: /Remove/ }).click();
  await expect(droppedLine).toHaveCount(0);

  await page.getByRole('link', { name: 'Checkout' }).last().click();
  await expect(page).toHaveURL(/\/checkout$/);
  await fillShippingAddress(page, 'Tracy Tracker');
  for (const step of [2, 3, 4]) {
    const firstControl = page
      .locator(`section[aria-labelledby="checkout-step-${step}"]`)
      .locator('input, button')
      .first();
    // A disabled control takes no focus: step 4's is "Place order", enabled once the total is
    // quoted (a faster browser got there before the quote and the step was never reported).
    await expect(firstControl).toBeEnabled({ timeout: 15_000 });
    await firstControl.focus();
  }

  await expect
    .poll(() => tracked.events.map((event) => event.kind), { timeout: 25_000 })
    .toEqual(
      expect.arrayContaining([
        'cart_item_added',
        'cart_item_removed',
        'checkout_started',
        'checkout_step',
      ]),
    );
  // The tracker flushes every 10 s while the page stays open.
  const added = tracked.events.find((event) => event.kind === 'cart_item_added');
  expect(added).toMatchObject({ productId: dropped!.slug, quantity: 1, currency: 'EUR' });
  expect(typeof added?.unitPriceMinor).toBe('number');
  expect(tracked.events.find((event) => event.kind === 'cart_item_removed')).toMatchObject({
    productId: dropped!.slug,
    quantity: 1,
  });
  // Each step once, in the order the shopper went through them.
  expect(
    tracked.events.filter((event) => event.kind === 'checkout_step').map((event) => event.step),
  ).toEqual(['address', 'shipping', 'payment', 'review']);
  // The route took every batch (the cell validated each event's fields).
  await expect.poll(() => tracked.statuses.length).toBeGreaterThan(0);
  expect(tracked.statuses.every((status) => status < 300)).toBe(true);
});
