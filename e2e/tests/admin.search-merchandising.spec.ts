import { signInToAdmin } from './support/accounts';
import { expect, test, watchForCspViolations, type Page } from './support/playwright';

const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;

const backOffice = (page: Page) => page.getByRole('navigation', { name: 'Back office' }).last();

test('staff add a synonym with a live preview and a redirect; a shopper finds the products and is sent to the page', async ({
  page,
  browser,
  cspViolations,
}) => {
  test.setTimeout(180_000);
  // A word no product has, unique to this run: before the synonym it finds nothing.
  const word = `glowlamp${Date.now().toString(36)}`;
  const returnsWord = `refunds${Date.now().toString(36)}`;

  const shopper = await browser.newContext({ baseURL: storefrontUrl });
  await watchForCspViolations(shopper, cspViolations);
  const shop = await shopper.newPage();
  await shop.goto(`/search?q=${word}`);
  await expect(shop.getByRole('heading', { name: `No products match “${word}”` })).toBeVisible();

  await signInToAdmin(page, 'catalog@example.com');
  await backOffice(page).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();

  // Typing the terms previews them before saving: the new word already finds lamps.
  await page.getByLabel('Kind').selectOption('one-way');
  await page.getByLabel('Terms, separated by commas').fill(`${word}, lamp`);
  await expect(page.getByLabel('Preview a search')).toHaveValue(word);
  await expect(page.getByTestId('preview-result').first()).toContainText(/lamp/i, {
    timeout: 15_000,
  });
  await expect(page.getByTestId('search-preview')).toContainText('not saved yet');
  await page.getByRole('button', { name: 'Add synonym' }).click();
  await expect(page.getByTestId('form-success')).toContainText('Synonym saved');
  await expect(page.getByTestId('synonym-list')).toContainText(`${word} → lamp`);

  // A redirect, previewed as such.
  await page.getByLabel('Search', { exact: true }).fill(returnsWord);
  await page.getByLabel('Goes to').fill('/cart');
  await expect(page.getByTestId('preview-redirect')).toContainText('/cart', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Add redirect' }).click();
  await expect(page.getByTestId('redirect-list')).toContainText(returnsWord);

  // The shopper's search finds lamps now (every replica within seconds: retried until then).
  await expect(async () => {
    await shop.goto(`/search?q=${word}`);
    await expect(shop.getByTestId('listing-results')).toContainText(/lamp/i, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    await shop.goto(`/search?q=${returnsWord}`);
    await expect(shop).toHaveURL(/\/cart$/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await shopper.close();

  // The page as staff see it on a desktop and a phone (kept with the test's results).
  await page.reload();
  await page.getByLabel('Preview a search').fill(word);
  await expect(page.getByTestId('preview-result').first()).toBeVisible({ timeout: 15_000 });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`search-${width}.png`), fullPage: true });
  }
});
