import { expect, test } from './support/playwright';
import { demoPassword, signIn, signInTimeout, signInToAdmin } from './support/accounts';

test('signed out, every back-office page leads to the staff sign-in', async ({ page }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff/);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Back office' })).toHaveCount(0);
});

test('a customer cannot sign in to the back office', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'shopper@example.com', demoPassword);
  await expect(page.getByTestId('sign-in-error')).toHaveText('This account has no staff access.', {
    timeout: signInTimeout,
  });
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an analyst sees analytics but not staff management, and /staff answers 403', async ({
  page,
}) => {
  await signInToAdmin(page, 'analyst@example.com');
  const menu = page.getByRole('navigation', { name: 'Back office' }).last();
  await expect(menu).toContainText('Analytics');
  await expect(menu).toContainText('Orders');
  await expect(menu).not.toContainText('Staff');
  await expect(menu).not.toContainText('Customers');
  await expect(menu).toContainText('Catalog'); // read only: catalog:read

  const response = await page.goto('/staff');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: /does not give access/ })).toBeVisible();
});

test('an admin opens Staff and sees every staff role', async ({ page }) => {
  await signInToAdmin(page, 'admin@example.com');
  await page
    .getByRole('navigation', { name: 'Back office' })
    .last()
    .getByRole('link', { name: 'Staff' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  const analyst = page.getByTestId('staff-row').filter({ hasText: 'analyst@example.com' });
  await expect(analyst.getByRole('checkbox', { name: 'Analyst' })).toBeChecked();
  await expect(
    page.getByTestId('staff-row').filter({ hasText: 'admin@example.com' }),
  ).toContainText('(you)');

  // Customers: the admin holds customers:read.
  await page
    .getByRole('navigation', { name: 'Back office' })
    .last()
    .getByRole('link', { name: 'Customers' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  // The user cell accepted the admin's token (a refusal would show the unavailable notice).
  await expect(page.getByText('Customers cannot be shown right now')).toHaveCount(0);
});

test('signing out of the back office ends the session', async ({ page }) => {
  await signInToAdmin(page, 'support@example.com');
  await page.getByRole('button', { name: 'Sign out' }).last().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});
