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
