import { expect, test } from './support/playwright';
import { queryCell } from './support/cell';
import { findVariantSwitch, firstStockedCategory, type CategoryNode } from './support/catalog';

test('the home page shows the featured and new-arrival collections and every top category', async ({
  page,
  request,
}) => {
  const tree = await queryCell<{ items: CategoryNode[] }>(request, 'product.categoryTree');
  await page.goto('/');
  for (const collection of ['featured', 'new-arrivals']) {
    await expect(
      page.getByTestId(`collection-${collection}`).getByTestId('product-card').first(),
    ).toBeVisible();
  }
  const categoryLinks = page.getByTestId('category-link');
  await expect(categoryLinks).toHaveText(tree.items.map((category) => category.name));
  await expect(page.getByTestId('catalogue-unavailable')).toHaveCount(0);
});

test('a category page filters by a facet through the URL, with counts, and Back undoes it', async ({
  page,
  request,
}) => {
  const { category, answer: unfiltered } = await firstStockedCategory(request);
  const brands = unfiltered.facets.find((facet) => facet.key === 'brand')!.values;
  // A brand that narrows the list (not every product in the category).
  const brand = brands.find((value) => value.count > 0 && value.count < unfiltered.totalCount)!;

  await page.goto('/');
  await page.getByTestId('category-link').filter({ hasText: category.name }).click();
  await expect(page).toHaveURL(new RegExp(`/categories/${category.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(category.name);
  await expect(page.getByTestId('result-count')).toHaveText(`${unfiltered.totalCount} products`);

  const brandFilter = page.getByRole('group', { name: 'Brand' });
  const checkbox = brandFilter.getByRole('checkbox', { name: brand.label });
  await expect(brandFilter.locator('label', { hasText: brand.label })).toContainText(
    String(brand.count),
  );
  // Ticking a box applies it at once once the page is interactive (without JS: "Apply filters").
  await expect(page.getByTestId('facet-form')).toHaveAttribute('data-enhanced', 'true');
  await checkbox.check();

  await expect(page).toHaveURL(
    new RegExp(
      `/categories/${category.slug}\\?brand=${encodeURIComponent(brand.value).replace(/%20/g, '\\+')}`,
    ),
  );
  const count = `${brand.count} ${brand.count === 1 ? 'product' : 'products'}`;
  await expect(page.getByTestId('result-count')).toHaveText(count);
  await expect(page.getByRole('checkbox', { name: brand.label })).toBeChecked();
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) await expect(card).toContainText(brand.label);

  await page.goBack();
  await expect(page.getByTestId('result-count')).toHaveText(`${unfiltered.totalCount} products`);
  await expect(page.getByRole('checkbox', { name: brand.label })).not.toBeChecked();
});

test('a typo in the header search still offers suggestions, and picking one searches for it', async ({
  page,
}) => {
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search products' });
  await search.fill('lapotp');
  const suggestions = page.getByRole('listbox', { name: 'Search suggestions' });
  await expect(suggestions).toBeVisible();
  const laptopSuggestion = suggestions.getByRole('option', { name: /laptop/i }).first();
  await expect(laptopSuggestion).toBeVisible();

  // Keyboard: arrows move the active option (aria-activedescendant), Enter opens it.
  const options = suggestions.getByRole('option');
  const names = await options.allTextContents();
  const index = names.findIndex((name) => /laptop/i.test(name));
  for (let step = 0; step <= index; step++) await search.press('ArrowDown');
  await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
  const kind = await options.nth(index).getAttribute('data-kind');
  await search.press('Enter');

  if (kind === 'product') {
    await expect(page).toHaveURL(/\/products\/[a-z0-9-]+/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/laptop/i);
  } else {
    await expect(page).toHaveURL(/\/search\?q=laptop/i);
    await expect(page.getByTestId('product-card').first()).toContainText(/laptop/i);
  }
});

test('switching a variant updates price, stock, image and the shareable ?sku= URL', async ({
  page,
  request,
}) => {
  const tree = await queryCell<{ items: CategoryNode[] }>(request, 'product.categoryTree');
  const leafSlugs = tree.items.flatMap((node) => node.children.map((child) => child.slug));
  const { product, from, to, option } = await findVariantSwitch(request, leafSlugs);

  await page.goto(`/products/${product.slug}?sku=${encodeURIComponent(from.sku)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.name);
  const price = page.getByTestId('product-detail').getByTestId('price').first();
  const stock = page.getByTestId('stock-state');
  const image = page.getByTestId('product-gallery').locator('img').first();
  await expect(price).toHaveAttribute('data-minor', String(from.priceMinor));
  await expect(stock).toHaveAttribute('data-stock', from.stock);
  await expect(image).toHaveAttribute('src', product.images[from.imageIndex]!.url);

  const value = to.optionValues[product.options.findIndex((o) => o.name === option)]!;
  // Shoppers press the button-like label; the radio it belongs to becomes checked.
  await expect(page.getByTestId('variant-picker')).toHaveAttribute('data-enhanced', 'true');
  const group = page.getByRole('group', { name: new RegExp(`^${option}`) });
  await group.getByTestId('option-value').getByText(value, { exact: true }).click();
  await expect(group.getByRole('radio', { name: value, exact: true })).toBeChecked();

  await expect(price).toHaveAttribute('data-minor', String(to.priceMinor));
  await expect(stock).toHaveAttribute('data-stock', to.stock);
  await expect(image).toHaveAttribute('src', product.images[to.imageIndex]!.url);
  await expect(page).toHaveURL(new RegExp(`[?&]sku=${encodeURIComponent(to.sku)}`));

  // The URL is shareable: opening it shows that variant.
  await page.reload();
  await expect(price).toHaveAttribute('data-minor', String(to.priceMinor));
  await expect(stock).toHaveAttribute('data-stock', to.stock);
});

test('search engines get canonical URLs, Product and BreadcrumbList JSON-LD, a sitemap and robots rules', async ({
  page,
  request,
}) => {
  const { category, answer: listing } = await firstStockedCategory(request);
  const slug = listing.results[0]!.slug;

  await page.goto(`/products/${slug}?sku=anything`);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toMatch(new RegExp(`/products/${slug}$`));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
  const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text) as { '@type': string; offers?: { price: string }[] },
  );
  const product = jsonLd.find((data) => data['@type'] === 'Product');
  expect(product?.offers?.[0]?.price).toMatch(/^\d+(\.\d+)?$/);
  expect(jsonLd.some((data) => data['@type'] === 'BreadcrumbList')).toBe(true);

  // Filtered and sorted listings point at the plain category page.
  await page.goto(`/categories/${category.slug}?sort=price_asc&inStock=true`);
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(
    new RegExp(`/categories/${category.slug}$`),
  );

  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`/products/${slug}</loc>`);
  expect(sitemap).toContain(`/categories/${category.slug}</loc>`);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Disallow: \/api\//);
  expect(robots).toMatch(/Disallow: \/search/);

  // Cache revalidation is for the product cell only.
  const revalidate = await request.post('/api/revalidate', { data: { tags: ['listings'] } });
  expect(revalidate.status()).toBe(401);
});
