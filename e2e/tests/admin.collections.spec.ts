import { signInTimeout, signInToAdmin } from './support/accounts';
import { expect, test, watchForCspViolations, type Page } from './support/playwright';

// Issue 12: a catalog manager makes a rule collection ("tag is sun-…"), tags a product in the
// editor, sees it join (the editor's Collections card, the rule's live preview), and shoppers
// find the collection from the home page. Screenshots of every new page at 1280 and 390 px go to
// test-results/ (SCREENSHOTS_DIR to change); no page may scroll sideways at 390 px.

const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;
const shots = process.env.SCREENSHOTS_DIR ?? 'test-results/collections-screens';

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a catalog manager builds a rule collection, tags a product into it, and shoppers browse it', async ({
  page,
  browser,
  cspViolations,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Sun picks ${stamp}`;
  const tag = `sun-${stamp}`;
  await signInToAdmin(page, 'catalog@example.com');

  // The rule first: nothing carries the tag yet, and the preview says so.
  await page.goto('/catalog/collections');
  await expect(page.getByRole('heading', { level: 1, name: 'Collections' })).toBeVisible();
  await page.getByRole('link', { name: 'New collection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New collection' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  await expect(page.getByLabel('Address (handle)')).toHaveValue(`sun-picks-${stamp}`);
  await page.getByLabel('Condition 1: tag').fill(tag);
  await expect(page.getByTestId('preview-counts')).toContainText('0 active products', {
    timeout: signInTimeout,
  });
  await page.getByRole('button', { name: 'Create collection' }).click();
  await expect(page.getByTestId('collection-saved')).toBeVisible({ timeout: signInTimeout });
  const collectionUrl = page.url().replace(/\?.*$/, '');

  // Tag a product in the editor: it joins at once.
  await page.goto('/catalog?status=active');
  // The first product's own link, kept by its address: a product another spec publishes
  // meanwhile may take the first row.
  const firstLink = page.getByTestId('product-row').first().getByRole('link').first();
  const productName = (await firstLink.textContent())!.trim();
  const productPath = (await firstLink.getAttribute('href'))!;
  await page.locator(`a[href="${productPath}"]`).first().click();
  await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();
  await page.getByLabel('Tags').fill(`${tag}, Gift`);
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByTestId('product-saved')).toBeVisible({ timeout: signInTimeout });
  await expect(page.getByLabel('Tags')).toHaveValue(`${tag}, gift`);
  const card = page.getByTestId('product-collections');
  await expect(card.getByRole('link', { name: title })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'product-editor-collections');

  await page.goto(collectionUrl);
  await expect(page.getByTestId('preview-counts')).toContainText('1 active product', {
    timeout: signInTimeout,
  });
  await shoot(page, 'collection-editor');
  await page.goto('/catalog/collections');
  await expect(page.getByTestId('collection-row').filter({ hasText: title })).toBeVisible();
  await shoot(page, 'collections-list');
  await page.goto('/catalog/collections/new');
  await page.getByRole('radio', { name: /^Manual/ }).check();
  await shoot(page, 'collection-new-manual');

  // Shoppers: the home page links the collection; its page lists the tagged product.
  const shopper = await browser.newContext({ baseURL: storefrontUrl });
  await watchForCspViolations(shopper, cspViolations);
  const shop = await shopper.newPage();
  await expect
    .poll(
      async () => {
        await shop.goto('/');
        return shop.getByTestId('collection-links').getByRole('link', { name: title }).count();
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(1);
  await shop.getByTestId('collection-links').getByRole('link', { name: title }).click();
  await expect(shop.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(shop.getByRole('link', { name: new RegExp(productName) }).first()).toBeVisible();
  await shoot(shop, 'storefront-collection');
  await shopper.close();
});
