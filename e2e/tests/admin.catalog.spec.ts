import { signInTimeout, signInToAdmin } from './support/accounts';
import {
  addToCart,
  fillShippingAddress,
  payWithTestCard,
  placeOrder,
} from './support/checkout-flow';
import { expect, test, watchForCspViolations, type Page } from './support/playwright';
import { solidPng } from './support/test-png';

const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;

const backOffice = (page: Page) => page.getByRole('navigation', { name: 'Back office' }).last();

test('a catalog manager creates a product with two options and images, publishes it, a shopper finds it in search and buys it', async ({
  page,
  browser,
  cspViolations,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const name = `Fjord Shell Jacket ${stamp}`;
  await signInToAdmin(page, 'catalog@example.com');
  await backOffice(page).getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await page.getByRole('link', { name: 'New product' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill(name);
  await expect(page.getByLabel('Address (slug)')).toHaveValue(`fjord-shell-jacket-${stamp}`);
  await page
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill('A windproof shell for fjord walks, taped seams and a packable hood.');
  await page.getByRole('checkbox', { name: 'Lighting', exact: true }).check();

  // Two options make four variants; each gets its price and stock.
  await page.getByRole('button', { name: 'Add an option' }).click();
  await page.getByLabel('Option 1 name').fill('Colour');
  await page.getByLabel('Option 1 values').fill('Red, Blue');
  await page.getByRole('button', { name: 'Add an option' }).click();
  await page.getByLabel('Option 2 name').fill('Size');
  await page.getByLabel('Option 2 values').fill('S, M');
  await page.getByRole('button', { name: 'Generate variants from options' }).click();
  await expect(page.getByTestId('variant-row')).toHaveCount(4);
  for (const variant of ['Red / S', 'Red / M', 'Blue / S', 'Blue / M']) {
    await page.getByLabel(`Price (EUR) for ${variant}`).fill('129.00');
    await page.getByLabel(`Stock for ${variant}`).fill('6');
  }
  await expect(page.getByLabel('SKU for Blue / M')).toHaveValue(
    `FJORD-SHELL-JACKET-${stamp.toUpperCase()}-BLUE-M`,
  );
  await expect(page.getByTestId('seo-preview')).toContainText(name);

  // Two photos, each described (publishing needs alt text).
  await page.getByLabel('Choose images').setInputFiles([
    { name: 'red.png', mimeType: 'image/png', buffer: solidPng(400, 300, [180, 30, 30]) },
    { name: 'blue.png', mimeType: 'image/png', buffer: solidPng(400, 300, [30, 60, 180]) },
  ]);
  await expect(page.getByTestId('product-image')).toHaveCount(2, { timeout: 30_000 });
  await page.getByLabel('Alt text for image 1').fill('The jacket in red, hood up');
  await page.getByLabel('Alt text for image 2').fill('The jacket in blue, packed');

  // The brand is missing: the save is refused and the error is at the Brand field.
  await page.getByRole('button', { name: 'Create product' }).click();
  const brand = page.getByLabel('Brand');
  await expect(brand).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Required.')).toBeVisible();
  await brand.fill('Fjellrev');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByTestId('product-created')).toContainText('draft', {
    timeout: signInTimeout,
  });
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('variant-row')).toHaveCount(4);
  await expect(page.getByTestId('product-image')).toHaveCount(2);

  // Publish from the list: select the row with the keyboard, confirm the bulk action.
  await page.goto(`/catalog?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  const select = page.getByRole('checkbox', { name: `Select ${name}` });
  await select.focus();
  await page.keyboard.press('Space');
  await expect(select).toBeChecked();
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.getByRole('combobox', { name: 'Action', exact: true }).selectOption('publish');
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await expect(dialog).toContainText('Publish 1 product?');
  await dialog.getByRole('button', { name: 'Yes, publish' }).click();
  await expect(page.getByTestId('bulk-success')).toContainText('1 product changed');
  await expect(page.getByTestId('product-row')).toContainText('Active');

  // The storefront's search finds it once the index has synced (seconds).
  await expect
    .poll(
      async () => {
        await page.goto(`${storefrontUrl}/search?q=${encodeURIComponent(`Fjord Shell ${stamp}`)}`);
        return page.getByRole('link', { name: new RegExp(name) }).count();
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBeGreaterThan(0);

  // A shopper (another browser, a guest) opens it from the search results and buys one.
  const shopper = await browser.newContext({ baseURL: storefrontUrl });
  await watchForCspViolations(shopper, cspViolations);
  const shop = await shopper.newPage();
  await shop.goto(`/search?q=${encodeURIComponent(`Fjord Shell ${stamp}`)}`);
  await shop
    .getByRole('link', { name: new RegExp(name) })
    .first()
    .click();
  await expect(shop.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(
    shop.getByTestId('product-gallery').getByRole('img', { name: 'The jacket in red, hood up' }),
  ).toBeVisible();
  const slug = `fjord-shell-jacket-${stamp}`;
  await addToCart(shop, {
    slug,
    name,
    sku: `FJORD-SHELL-JACKET-${stamp.toUpperCase()}-BLUE-M`,
    available: 6,
  });
  await shop.goto('/checkout');
  await shop.getByLabel('Email', { exact: true }).fill(`fjord-buyer-${stamp}@example.com`);
  await fillShippingAddress(shop, 'Frida Fjord');
  await placeOrder(shop);
  await payWithTestCard(shop, '4242 4242 4242 4242', 'Frida Fjord');
  const confirmed = shop.getByTestId('order-confirmed');
  await expect(confirmed).toBeVisible({ timeout: 30_000 });
  await expect(shop.getByTestId('order-line')).toHaveCount(1);
  await expect(shop.getByTestId('order-line')).toContainText(name);
  await shopper.close();
});

test('an order manager cannot open the catalogue editor', async ({ page }) => {
  await signInToAdmin(page, 'orders@example.com');
  await expect(backOffice(page)).not.toContainText('Catalog');
  for (const path of ['/catalog/new', '/catalog']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByLabel('Name', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /does not give access/ })).toBeVisible();
  }
});

test('an analyst reads the catalogue with every field locked and no bulk actions', async ({
  page,
}) => {
  await signInToAdmin(page, 'analyst@example.com');
  await backOffice(page).getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toHaveCount(0);
  await page.getByTestId('product-row').first().getByRole('link').click();
  await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save product' })).toHaveCount(0);
  await expect(page.getByText('Your role may read the catalogue, not change it.')).toBeVisible();
  expect((await page.goto('/catalog/new'))?.status()).toBe(403);
});

test('of two staff saving one product, the second is told it changed and can reload', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  await signInToAdmin(page, 'catalog@example.com');
  await page.goto('/catalog/new');
  await page.getByLabel('Name', { exact: true }).fill(`Harbour Lamp ${stamp}`);
  await page.getByLabel('Brand').fill('Northlight');
  await page.getByRole('checkbox', { name: 'Lighting', exact: true }).check();
  await page.getByLabel('SKU for Default').fill(`HARBOUR-${stamp}`);
  await page.getByLabel('Price (EUR) for Default').fill('45.00');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByTestId('product-created')).toBeVisible({ timeout: signInTimeout });
  const productUrl = page.url().replace(/\?.*$/, '');

  // A colleague opens the same product, then the first editor saves.
  const colleague = await context.newPage();
  await colleague.goto(productUrl);
  await page.getByLabel('Name', { exact: true }).fill(`Harbour Lamp ${stamp} (renamed)`);
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByTestId('product-saved')).toBeVisible();

  // The colleague's save is refused, not silently overwriting the rename.
  await colleague.getByLabel('Brand').fill('Southlight');
  await colleague.getByRole('button', { name: 'Save product' }).click();
  await expect(
    colleague.getByText('Someone else saved this product while you were editing'),
  ).toBeVisible();
  await expect(colleague.getByText(/changed by someone else after you opened it/)).toBeVisible();
  await colleague.getByRole('button', { name: 'Reload the product' }).click();
  await expect(colleague.getByLabel('Name', { exact: true })).toHaveValue(
    `Harbour Lamp ${stamp} (renamed)`,
  );
  await expect(colleague.getByLabel('Brand')).toHaveValue('Northlight');
});
