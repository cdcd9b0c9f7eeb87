import { signInTimeout, signInToAdmin } from './support/accounts';
import { expect, test } from './support/playwright';

// Issue 12, audit log for every staff change: a category made in the back office is in the
// audit log with its after (before: none), and the log's filters (action, object type and id)
// find exactly it.

test('a new category is in the audit log, found by action, object type and id', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const slug = `audit-shelves-${stamp}`;
  await signInToAdmin(page, 'catalog@example.com');
  await page.goto('/catalog/categories');
  await page.getByLabel('Name', { exact: true }).fill(`Audit shelves ${stamp}`);
  await page.getByLabel('Address (slug, optional)').fill(slug);
  await page.getByRole('button', { name: 'Create category' }).click();
  await expect(page.getByText(`Audit shelves ${stamp} created.`)).toBeVisible({
    timeout: signInTimeout,
  });

  // Only admins read the log.
  await page.context().clearCookies();
  await signInToAdmin(page, 'admin@example.com');
  await page.goto('/audit');
  await page.getByLabel('Action').fill('createCategory');
  await page.getByLabel('Object type').fill('category');
  await page.getByLabel('Object id').fill(slug);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const entries = page.getByTestId('audit-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('product.createCategory');
  await expect(entries.first()).toContainText('catalog@example.com');
  await entries.first().getByText('Show the change').click();
  const name = entries.first().getByTestId('audit-diff-row').filter({ hasText: 'name' }).first();
  await expect(name).toHaveAttribute('data-changed', 'true');
  await expect(name.getByRole('cell').nth(1)).toContainText(`Audit shelves ${stamp}`);
});
