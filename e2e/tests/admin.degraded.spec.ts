import { domains } from '@shop/api/client';
import { expect, test } from './support/playwright';
import { startAppWithoutCells, type AppWithoutCells } from './support/app-without-cells';
import { staffSessionCookie } from './support/staff-session';

let admin: AppWithoutCells;
test.beforeAll(async () => {
  admin = await startAppWithoutCells('admin', 3350);
});
test.afterAll(async () => {
  await admin?.stop();
});

test('with every cell down the service health page marks each one down and still renders', async ({
  page,
}) => {
  // Nobody can sign in while the auth cell is down: start from an already signed-in admin.
  await page.context().addCookies([await staffSessionCookie(admin.url)]);
  const response = await page.goto(`${admin.url}/health`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service health');
  // All nine cells, each marked down, and no other card.
  await expect(page.getByTestId(/^cell-status-/)).toHaveCount(domains.length);
  for (const domain of domains) {
    await expect(page.getByTestId(`cell-status-${domain}`)).toHaveAttribute('data-state', 'down');
  }
});

test('with every cell down the dashboard still renders, each panel saying it cannot be shown', async ({
  page,
}) => {
  await page.context().addCookies([await staffSessionCookie(admin.url)]);
  const response = await page.goto(admin.url);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  for (const panel of ['Sales', 'Orders to ship', 'Low stock', 'Recent orders']) {
    await expect(page.getByText(`${panel} cannot be shown right now`)).toBeVisible();
  }
});

test('with every cell down the campaign pages say what cannot be done instead of failing', async ({
  page,
}) => {
  await page.context().addCookies([await staffSessionCookie(admin.url)]);
  expect((await page.goto(`${admin.url}/notifications/campaigns`))?.status()).toBe(200);
  await expect(page.getByText('Campaigns cannot be shown right now')).toBeVisible();

  expect((await page.goto(`${admin.url}/notifications/campaigns/new`))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
  await page.getByLabel('Campaign name').fill('Outage campaign');
  await page.getByLabel('Subject', { exact: true }).fill('Written while the cells are down');
  await page.getByLabel('Heading text (block 1)').fill('Hello');
  await page.getByLabel('Text (block 2)', { exact: true }).fill('Some text.');
  const unavailable = 'The notification service is not answering. Try again in a moment.';
  await expect(page.getByTestId('preview-problem')).toHaveText(unavailable, { timeout: 15_000 });
  await expect(page.getByTestId('audience-count')).toHaveText(unavailable);
  // A product search that cannot run says so, rather than "no product matches".
  await page.getByRole('button', { name: 'Add product cards' }).click();
  await page.getByLabel('Find a product for block 3').fill('lamp');
  await page.getByRole('button', { name: 'Find products for block 3' }).click();
  await expect(page.getByTestId('product-search-error')).toHaveText(
    'The catalogue is not answering, so products cannot be found just now. Try again in a moment.',
  );
  await expect(page.getByText('No product matches')).toHaveCount(0);
  // Saving keeps what was typed and says why it did not go through.
  await page.getByRole('button', { name: 'Remove block 3, product cards' }).click();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('form-error')).toContainText(unavailable);
  await expect(page.getByLabel('Campaign name')).toHaveValue('Outage campaign');
});

test('with every cell down each analytics report says it is unavailable and its CSV is a 503', async ({
  page,
}) => {
  await page.context().addCookies([await staffSessionCookie(admin.url)]);
  expect((await page.goto(`${admin.url}/analytics`))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  await expect(page.getByText('This report is unavailable right now')).toHaveCount(7);
  const csv = await page.request.get(`${admin.url}/analytics/csv?report=categories`);
  expect(csv.status()).toBe(503);
  expect(await csv.json()).toEqual({
    error: { message: 'This report is unavailable right now. Try again in a moment.' },
  });
});
