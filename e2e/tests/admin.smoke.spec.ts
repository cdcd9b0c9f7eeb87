import { domains } from '@shop/api/client';
import { expect, test } from './support/playwright';
import { signInToAdmin } from './support/accounts';

test('the dashboard shows the business, and service health every cell up', async ({ page }) => {
  // The back office needs a staff sign-in; it lands on the dashboard.
  await signInToAdmin(page, 'admin@example.com');
  for (const panel of ['Sales', 'Orders to ship', 'Low stock', 'Recent orders']) {
    await expect(page.getByRole('heading', { level: 2, name: panel })).toBeVisible();
  }
  // The seeded orders, newest first, each linking to its page.
  const recent = page.getByRole('table', { name: 'The five newest orders' });
  await expect(recent.getByRole('link', { name: /^SO-/ }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Service health' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service health' })).toBeVisible();
  for (const domain of domains) {
    await expect(page.getByTestId(`cell-status-${domain}`)).toHaveAttribute('data-state', 'up');
  }
});
