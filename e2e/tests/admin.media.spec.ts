import { signInTimeout, signInToAdmin } from './support/accounts';
import { expect, test } from './support/playwright';
import { solidPng } from './support/test-png';

const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;

test('a catalog manager uploads two images to a new product, orders and describes them, and shoppers see them', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const name = `Glazed Vase ${stamp}`;
  await signInToAdmin(page, 'catalog@example.com');
  await page.goto('/catalog/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Brand').fill('Claywork');
  await page
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill('A stoneware vase, thrown by hand and glazed in two colours.');
  await page.getByRole('checkbox', { name: 'Lighting', exact: true }).check();
  await page.getByLabel('SKU for Default').fill(`VASE-${stamp.toUpperCase()}`);
  await page.getByLabel('Price (EUR) for Default').fill('45.00');

  // A text file named like a photo is refused with the reason, and not added.
  const chooser = page.getByLabel('Choose images');
  await chooser.setInputFiles({
    name: 'not-a-photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('just some text\n'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'not-a-photo.jpg' })).toContainText(
    'not a JPEG, PNG or WebP image',
  );
  await expect(page.getByTestId('product-image')).toHaveCount(0);

  // Two photos at once.
  await chooser.setInputFiles([
    { name: 'dark.png', mimeType: 'image/png', buffer: solidPng(400, 300, [30, 30, 30]) },
    { name: 'light.png', mimeType: 'image/png', buffer: solidPng(400, 300, [235, 235, 225]) },
  ]);
  await expect(page.getByTestId('product-image')).toHaveCount(2, { timeout: 30_000 });
  const firstUrl = await page
    .getByTestId('product-image')
    .first()
    .locator('img')
    .getAttribute('src');

  // The light one first, with the keyboard's buttons.
  await page.getByRole('button', { name: 'Move image 2 earlier' }).click();
  await expect(page.getByTestId('product-image').nth(1).locator('img')).toHaveAttribute(
    'src',
    firstUrl!,
  );

  // Active without alt text: refused at each image's alt text box.
  await page.getByLabel('Status').selectOption('active');
  await page.getByRole('button', { name: 'Create product' }).click();
  const firstAlt = page.getByLabel('Alt text for image 1');
  await expect(firstAlt).toHaveAttribute('aria-invalid', 'true', { timeout: signInTimeout });
  await expect(page.getByLabel('Alt text for image 2')).toHaveAttribute('aria-invalid', 'true');

  await firstAlt.fill('The vase in white glaze on a shelf');
  await page.getByLabel('Alt text for image 2').fill('The vase in black glaze');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByTestId('product-created')).toBeVisible({ timeout: signInTimeout });
  await expect(page.getByTestId('product-image')).toHaveCount(2);
  await expect(page.getByLabel('Alt text for image 1')).toHaveValue(
    'The vase in white glaze on a shelf',
  );

  // The shop's product page shows the uploaded photos, in that order, with their alt text.
  const slug = `glazed-vase-${stamp}`;
  await page.goto(`${storefrontUrl}/products/${slug}`);
  const main = page.getByTestId('product-gallery').getByRole('img', {
    name: 'The vase in white glaze on a shelf',
  });
  await expect(main).toBeVisible();
  const src = await main.getAttribute('src');
  expect(src).toMatch(/^\/media\/product\/[0-9a-f]{32}\?w=640$/);
  const image = await page.request.get(`${storefrontUrl}${src}`);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/webp');
});
