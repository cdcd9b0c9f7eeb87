import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  type APIRequestContext,
  type Browser,
  devices,
  expect,
  type Page,
  test,
  watchForCspViolations,
} from './support/playwright';
import { signInToAdmin, strongPassword, uniqueEmail } from './support/accounts';
import { cellsUrl } from './support/cell';
import { cellCredentialHeaders } from './support/cell-credential';
import { findBuyableVariants } from './support/checkout-flow';

// The order goes through the saga on the local executor, then the analytics cell records it.
test.setTimeout(180_000);

async function callCell<T>(
  request: APIRequestContext,
  procedure: string,
  input: unknown,
  options: { token?: string; query?: boolean } = {},
): Promise<T> {
  const headers = {
    ...cellCredentialHeaders(),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };
  const response = options.query
    ? await request.get(
        `${cellsUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers },
      )
    : await request.post(`${cellsUrl}/trpc/${procedure}`, { data: input, headers });
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/**
 * A new shopper's cash-on-delivery order of one in-stock SKU (`sku`, else one found in the
 * catalogue; `quantity` units, 1 by default), waited for until confirmed.
 */
async function placeConfirmedOrder(request: APIRequestContext, sku?: string, quantity = 1) {
  const email = uniqueEmail('analytics');
  const password = strongPassword();
  await callCell(request, 'auth.register', { email, password, name: 'Ana Lytics' });
  const { accessToken: token } = await callCell<{ accessToken: string }>(request, 'auth.login', {
    email,
    password,
  });
  const variant = sku ? { sku } : (await findBuyableVariants(request, 1))[0]!;
  await callCell(request, 'order.addToCart', { sku: variant.sku, quantity }, { token });
  const quote = await callCell<{ totalMinor: number }>(
    request,
    'order.quote',
    { shippingMethodId: 'standard', country: 'NL' },
    { token, query: true },
  );
  const placed = await callCell<{ orderId: string }>(
    request,
    'order.place',
    {
      idempotencyKey: randomUUID(),
      email,
      shippingAddress: {
        name: 'Ana Lytics',
        line1: 'Keizersgracht 1',
        city: 'Amsterdam',
        postcode: '1015 CJ',
        country: 'NL',
      },
      shippingMethodId: 'standard',
      paymentMethod: 'cash_on_delivery',
      expectedTotalMinor: quote.totalMinor,
    },
    { token },
  );
  await expect
    .poll(
      async () =>
        (
          await callCell<{ status: string }>(
            request,
            'order.get',
            { orderId: placed.orderId },
            { token, query: true },
          )
        ).status,
      { timeout: 60_000 },
    )
    .toBe('CONFIRMED');
  return variant;
}

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** Orders of the range, summed over currencies, from the sales CSV the page offers. */
async function ordersInCsv(page: Page, day: string): Promise<number> {
  const response = await page.request.get(
    `/analytics/csv?report=sales&from=${day}&to=${day}&interval=day`,
  );
  expect(response.status()).toBe(200);
  const [, ...rows] = (await response.text()).trim().split('\r\n');
  return rows.reduce((sum, row) => sum + Number(row.split(',')[3] ?? 0), 0);
}

test('an analyst changes the range, sees an order placed a moment earlier and downloads the CSV', async ({
  page,
  request,
}) => {
  // The charts must run under the admin's CSP (no eval, nonce scripts): any refusal shows here.
  const browserErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text());
  });
  page.on('pageerror', (error) => browserErrors.push(error.message));
  await signInToAdmin(page, 'analyst@example.com');
  await page
    .getByRole('navigation', { name: 'Back office' })
    .last()
    .getByRole('link', { name: 'Analytics' })
    .click();
  // Six reports, the first of the day rebuilding today's rollup: slow on a loaded machine.
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible({
    timeout: 30_000,
  });

  const day = today();
  const range = page.getByTestId('analytics-range');
  await range.getByLabel('From').fill(day);
  await range.getByLabel('To').fill(day);
  await range.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${day}&to=${day}`));

  const before = await ordersInCsv(page, day);
  const [sold] = await findBuyableVariants(request, 1);
  await placeConfirmedOrder(request, sold!.sku);
  const { breadcrumbs } = await callCell<{ breadcrumbs: { name: string }[] }>(
    request,
    'product.bySlug',
    { slug: sold!.slug },
    { query: true },
  );
  // Today's rollup is rebuilt for a report once it is 2 s old in the e2e stack (30 s by default).
  await expect
    .poll(() => ordersInCsv(page, day), { timeout: 90_000, intervals: [1_000] })
    .toBe(before + 1);

  await page.reload();
  const sales = page.getByTestId('report-sales');
  await expect(sales.getByTestId('sales-rows')).toContainText(day);
  // Charts drawn (SVG from recharts), the tables of the same numbers beside them.
  // This period and the previous one, as two series (a one-day range draws each as a point).
  await expect(sales.getByTestId('sales-chart').locator('.recharts-line')).toHaveCount(2);
  await expect(
    sales.getByTestId('sales-chart').locator('.recharts-cartesian-axis-tick-value').first(),
  ).toBeVisible();
  await expect(sales.getByTestId('sales-series')).toContainText(day);
  // The order above came through the API, with no browsing session: whether today has sessions
  // depends on what else browsed the shop today. With none the funnel says so and draws nothing.
  const funnel = page.getByTestId('report-funnel');
  if ((await funnelRow(page, day, 'all')).sessions > 0) {
    await expect(
      funnel.getByTestId('funnel-chart').locator('.recharts-cartesian-axis-tick-value').first(),
    ).toBeVisible();
  } else {
    await expect(funnel.getByText('No sessions in this range.')).toBeVisible();
    await expect(funnel.getByTestId('funnel-chart')).toHaveCount(0);
  }
  await expect(
    page
      .getByTestId('report-products')
      .getByTestId('products-chart')
      .locator('.recharts-cartesian-axis-tick-value')
      .first(),
  ).toBeVisible();
  // The product's primary category, with the units sold, in the categories table and chart.
  const categories = page.getByTestId('report-categories');
  await expect(categories.getByRole('table')).toContainText(
    breadcrumbs.at(-1)?.name ?? 'Uncategorised',
  );
  await expect(
    categories
      .getByTestId('categories-chart')
      .locator('.recharts-cartesian-axis-tick-value')
      .first(),
  ).toBeVisible();
  // The charts are hidden from assistive tech, so nothing in them may be a Tab stop.
  await expect(page.locator('[data-testid$="-chart"] [tabindex]:not([tabindex="-1"])')).toHaveCount(
    0,
  );
  expect(browserErrors).toEqual([]);
  if (process.env.ANALYTICS_SCREENSHOTS) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: `${process.env.ANALYTICS_SCREENSHOTS}/analytics-${width}.png`,
        fullPage: true,
      });
      // Nothing wider than the screen at phone width (tables scroll inside their frame).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  const downloading = page.waitForEvent('download');
  await sales.getByRole('link', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`sales-${day}-${day}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('period,currency,revenue_minor,orders')).toBe(true);
  expect(csv).toContain(day);
  const categoriesCsv = await page.request.get(
    `/analytics/csv?report=categories&from=${day}&to=${day}`,
  );
  expect(categoriesCsv.status()).toBe(200);
  expect(await categoriesCsv.text()).toMatch(/^category,name,units,revenue_minor_by_currency,/);
});

const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;

/** The funnel's row of one segment for one day, from the funnel CSV the page offers. */
async function funnelRow(page: Page, day: string, segment: string) {
  const response = await page.request.get(`/analytics/csv?report=funnel&from=${day}&to=${day}`);
  expect(response.status()).toBe(200);
  const row = (await response.text())
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))
    .find((cells) => cells[0] === segment);
  return { sessions: Number(row?.[1] ?? 0), productViews: Number(row?.[2] ?? 0) };
}

/**
 * A visit to a product page from a social link, in a browser context of its own, until the
 * tracker's batch has been answered by the storefront (it sends every 10 s): the answer's status.
 */
async function visitFromSocialLink(
  browser: Browser,
  options: { userAgent?: string },
  slug: string,
): Promise<number> {
  const context = await browser.newContext({ ...options, baseURL: storefrontUrl });
  const violations: { page: string; what: string }[] = [];
  await watchForCspViolations(context, violations);
  const shopper = await context.newPage();
  const answered = shopper.waitForResponse(
    (response) => response.url().endsWith('/api/events') && response.request().method() === 'POST',
    { timeout: 30_000 },
  );
  await shopper.goto(`/products/${slug}?utm_source=e2e&utm_medium=social`);
  const status = (await answered).status();
  await context.close();
  expect(violations).toEqual([]);
  return status;
}

test("the funnel counts a shopper's browser and not a headless robot's", async ({
  page,
  request,
  browser,
}) => {
  await signInToAdmin(page, 'analyst@example.com');
  const day = today();
  const [product] = await findBuyableVariants(request, 1);
  const before = await funnelRow(page, day, 'source:social');
  // A browser that says it is headless is a robot to the events route: 204, nothing stored.
  const robot = await visitFromSocialLink(
    browser,
    {
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    },
    product!.slug,
  );
  expect(robot).toBe(204);
  // The same browser presenting desktop Chrome's user agent, as a shopper's browser does: stored.
  const shopper = await visitFromSocialLink(
    browser,
    { userAgent: devices['Desktop Chrome'].userAgent },
    product!.slug,
  );
  expect(shopper).toBe(200);
  // Today's rollup is rebuilt for a report once it is 2 s old in the e2e stack (30 s by default).
  await expect
    .poll(async () => (await funnelRow(page, day, 'source:social')).sessions, {
      timeout: 90_000,
      intervals: [1_000],
    })
    .toBeGreaterThan(before.sessions);
  expect(await funnelRow(page, day, 'source:social')).toEqual({
    sessions: before.sessions + 1,
    productViews: before.productViews + 1,
  });
});

test('a catalog manager cannot open analytics', async ({ page }) => {
  await signInToAdmin(page, 'catalog@example.com');
  const response = await page.goto('/analytics');
  expect(response?.status()).toBe(403);
  const csv = await page.request.get('/analytics/csv?report=sales');
  expect(csv.status()).toBe(403);
});

test('a range without sessions says so in the funnel instead of drawing an empty chart', async ({
  page,
}) => {
  await signInToAdmin(page, 'analyst@example.com');
  // Long before the demo shop's first event.
  await page.goto('/analytics?from=2020-01-01&to=2020-01-31&interval=week');
  const funnel = page.getByTestId('report-funnel');
  await expect(funnel.getByText('No sessions in this range.')).toBeVisible({ timeout: 30_000 });
  await expect(funnel.getByTestId('funnel-chart')).toHaveCount(0);
  // As the other reports do with nothing to chart.
  await expect(
    page.getByTestId('report-products').getByText('No sales in this range.'),
  ).toBeVisible();
  await expect(page.locator('[data-testid$="-chart"]')).toHaveCount(0);
});

/** Where a chart's label for `name` is drawn, and the chart's own box, in page pixels. */
async function chartLabelBox(page: Page, chartTestId: string, name: string) {
  return page.getByTestId(chartTestId).evaluate((chart, fullName) => {
    const title = Array.from(chart.querySelectorAll('title')).find(
      (element) => element.textContent === fullName,
    );
    const label = title?.parentElement?.querySelector('text');
    if (!label) return null;
    const box = label.getBoundingClientRect();
    const frame = chart.getBoundingClientRect();
    return {
      left: box.left - frame.left,
      right: frame.right - box.right,
      lines: label.querySelectorAll('tspan').length,
      text: label.textContent ?? '',
    };
  }, name);
}

test('a long product and category name stay readable beside their bars and whole in the tables', async ({
  page,
  request,
}) => {
  const id = randomUUID().slice(0, 8);
  const { accessToken: token } = await callCell<{ accessToken: string }>(request, 'auth.login', {
    email: 'admin@example.com',
    password: 'demo-password-1',
  });
  const category = {
    slug: `e2e-long-${id}`,
    name: `Hand-thrown stoneware serving platters and oven-to-table dishes ${id}`,
  };
  await callCell(request, 'product.createCategory', category, { token });
  const product = {
    slug: `e2e-long-platter-${id}`,
    name: `Extra-large hand-thrown stoneware serving platter with reactive glaze ${id}`,
  };
  const sku = `E2E-LONG-${id}`.toUpperCase();
  await callCell(
    request,
    'product.create',
    {
      ...product,
      brand: 'E2E Pottery',
      description: 'A platter with a long name, sold once for the analytics labels.',
      status: 'active',
      publishedAt: new Date().toISOString(),
      categorySlugs: [category.slug],
      variants: [{ sku, priceMinor: 500, onHand: 60 }],
    },
    { token },
  );
  // Enough units to be among the ten bars of today's charts, whatever else the suite sold today.
  await placeConfirmedOrder(request, sku, 40);

  await signInToAdmin(page, 'analyst@example.com');
  const day = today();
  const products = page.getByTestId('report-products');
  const categories = page.getByTestId('report-categories');
  // Today's rollup is rebuilt for a report once it is 2 s old in the e2e stack.
  await expect(async () => {
    await page.goto(`/analytics?from=${day}&to=${day}&interval=day`);
    await expect(products.getByRole('table', { name: 'Best sellers' })).toContainText(
      product.name,
      { timeout: 1_000 },
    );
    await expect(categories.getByRole('table')).toContainText(category.name, { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000] });

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [chart, name] of [
      ['products-chart', product.name],
      ['categories-chart', category.name],
    ] as const) {
      // Drawn inside the chart (a fixed 120 px column cut such names at the chart's left edge),
      // on at most two lines, with the full name as its title.
      await expect
        .poll(() => chartLabelBox(page, chart, name), { timeout: 10_000 })
        .toMatchObject({ left: expect.any(Number) });
      const label = (await chartLabelBox(page, chart, name))!;
      expect(label.left, `${chart} at ${width} px: ${label.text}`).toBeGreaterThanOrEqual(0);
      expect(label.lines).toBeLessThanOrEqual(2);
      expect(label.text.replace(/…$/, '').length).toBeGreaterThan(10);
    }
    // The tables hold the names whole, and nothing is wider than the screen.
    await expect(
      products.getByRole('rowheader', { name: `${product.name} (${sku})` }),
    ).toBeVisible();
    await expect(categories.getByRole('rowheader', { name: category.name })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
});
