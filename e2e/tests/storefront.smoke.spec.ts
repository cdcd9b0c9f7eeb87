import { expect, test } from './support/playwright';
import { queryCell, type ProductPage } from './support/cell';

test('the home page lists products that the product cell holds', async ({ page, request }) => {
  // The home page shows the featured and new-arrivals collections.
  const collections = await Promise.all(
    ['featured', 'new-arrivals'].map((slug) =>
      queryCell<Pick<ProductPage, 'items'>>(request, 'product.collection', { slug, limit: 8 }),
    ),
  );
  const products = collections.flatMap((collection) => collection.items);
  expect(products.length).toBeGreaterThan(0);
  const namesBySlug = new Map(products.map((product) => [product.slug, product.name]));

  await page.goto('/');
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByTestId('catalogue-unavailable')).toHaveCount(0);

  const slugs = await cards.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-product-slug')),
  );
  expect(slugs.length).toBeGreaterThan(3);
  for (const [index, slug] of slugs.entries()) {
    expect(namesBySlug.has(slug ?? ''), `card ${slug} is in the catalogue`).toBe(true);
    await expect(cards.nth(index)).toContainText(namesBySlug.get(slug ?? '') ?? '');
  }
});

test('searching from the header goes through the gateway to the search cell', async ({
  page,
  request,
}) => {
  const catalogue = await queryCell<ProductPage>(request, 'product.list', { pageSize: 1 });
  const product = catalogue.items[0]!;

  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search products' });
  const gatewayAnswer = page.waitForResponse(
    (response) => response.url().includes('/api/cells/search/') && response.status() === 200,
  );
  await search.fill(product.name);
  await gatewayAnswer;

  // Suggestions mix searches, products and categories: pick the product itself.
  const suggestion = page
    .getByRole('option', { name: new RegExp(product.name) })
    .and(page.locator('[data-kind="product"]'))
    .first();
  await expect(suggestion).toBeVisible();
  await suggestion.click();

  await expect(page).toHaveURL(new RegExp(`/products/${product.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.name);
});

test('Escape first closes the suggestions, then clears the search field', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search products' });
  await search.fill('lamp');
  await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeVisible();

  await search.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeHidden();
  await expect(search).toHaveValue('lamp');

  await search.press('Escape');
  await expect(search).toHaveValue('');
});

test('a search page past the last result says so instead of "no products match"', async ({
  page,
}) => {
  await page.goto('/search?q=lamp&page=50');
  await expect(page.getByText('No more results here')).toBeVisible();
  await expect(page.getByText(/No products match/)).toHaveCount(0);
});
