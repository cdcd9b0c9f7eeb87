import { signInTimeout, signInToAdmin } from './support/accounts';
import { expect, test, type Page } from './support/playwright';

// Issue 12: a catalog manager imports a CSV with errors, sees each error's line and column, fixes
// the file, applies it, and adjusts the new product's stock on the inventory page. Screenshots of
// both pages at 1280 and 390 px go to test-results/ for review (SCREENSHOTS_DIR to change).

const shots = process.env.SCREENSHOTS_DIR ?? 'test-results/inventory-csv-screens';

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

function csvFile(text: string) {
  return { name: 'lamps.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

test('a catalog manager imports a CSV with errors, fixes it, applies it and adjusts the stock', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const handle = `csv-e2e-lamp-${stamp}`;
  const sku = `CSV-E2E-${stamp.toUpperCase()}`;
  const header =
    'handle;name;brand;status;categories;description;option1_name;option1_value;sku;price;stock';
  const row = (price: string, category: string) =>
    `${handle};"Reading Lamp; ""Arc"" ${stamp}";Lumen;draft;${category};"A lamp.\nFor reading.";Colour;Black;${sku}-B;${price};4\n` +
    `${handle};;;;;;Colour;White;${sku}-W;89,00;2`;
  await signInToAdmin(page, 'catalog@example.com');
  await page.goto('/catalog/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import CSV' })).toBeVisible();

  // A bad price and an unknown category: listed with their line and column, nothing applied.
  await page
    .getByLabel('CSV file')
    .setInputFiles(csvFile(`\uFEFF${header}\n${row('12.5.0', 'no-such')}\n`));
  await page.getByRole('button', { name: 'Check the file' }).click();
  const errors = page.getByTestId('import-error');
  await expect(errors).toHaveCount(1, { timeout: signInTimeout });
  await expect(errors.first()).toContainText('2');
  await expect(errors.first()).toContainText('price');
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
  await shoot(page, 'import-errors');

  await page
    .getByLabel('CSV file')
    .setInputFiles(csvFile(`${header}\n${row('79,50', 'no-such')}\n`));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(errors).toHaveCount(1, { timeout: signInTimeout });
  await expect(errors.first()).toContainText('categories');
  await expect(errors.first()).toContainText('No category "no-such"');

  // Fixed: the dry run says what will happen; applying creates the product.
  await page
    .getByLabel('CSV file')
    .setInputFiles(csvFile(`${header}\n${row('79,50', 'lighting')}\n`));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('No problems found')).toBeVisible({ timeout: signInTimeout });
  await expect(page.getByTestId('import-preview')).toContainText('1 new, 0 changed');
  await shoot(page, 'import-preview');
  await page.getByRole('button', { name: 'Apply 2 rows' }).click();
  await expect(page.getByTestId('import-applied')).toContainText('2 rows created', {
    timeout: signInTimeout,
  });

  // The product is in the catalogue with the file's name (quotes and semicolon kept).
  await page.goto(`/catalog?q=${handle}`);
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await expect(page.getByTestId('product-row')).toContainText(`Reading Lamp; "Arc" ${stamp}`);

  // Inventory: find the SKU, receive 6 units, see the movement in its history.
  await page.goto(`/inventory?q=${sku}`);
  await expect(page.getByTestId('inventory-row')).toHaveCount(2);
  await page.getByRole('button', { name: `Adjust ${sku}-B` }).click();
  await page.getByLabel('Units (negative removes)').fill('6');
  await page.getByLabel('Note (optional)').fill('Delivery 77');
  await page.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(page.getByText(`${sku}-B: 10 on hand, 10 available.`)).toBeVisible();
  await shoot(page, 'inventory');
  await page.getByRole('link', { name: `History of ${sku}-B` }).click();
  const movements = page.getByTestId('movement-row');
  await expect(movements).toHaveCount(2);
  await expect(movements.first()).toContainText('+6');
  await expect(movements.first()).toContainText('Delivery 77');
  await expect(movements.nth(1)).toContainText('Starting stock');
  await shoot(page, 'stock-history');
});

test('an analyst reads stock but cannot adjust it or open the importer', async ({ page }) => {
  await signInToAdmin(page, 'analyst@example.com');
  await page.goto('/inventory');
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeVisible();
  await expect(page.getByTestId('inventory-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Adjust/ })).toHaveCount(0);
  const response = await page.goto('/catalog/import');
  expect(response?.status()).toBe(403);
});
