import { expect, test } from './support/playwright';
import { signInToAdmin } from './support/accounts';

test('support opens a customer, sees their orders and lifetime value, and adds a note', async ({
  page,
}) => {
  await signInToAdmin(page, 'support@example.com');
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Sam Shopper' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Shopper' })).toBeVisible();
  await expect(page.getByText('Lifetime value')).toBeVisible();
  await expect(page.getByRole('table', { name: /order/ })).toBeVisible();
  // Newsletter consent as the notification cell holds it (the demo shopper never signed up).
  await expect(page.getByRole('heading', { level: 2, name: 'Newsletter' })).toBeVisible();
  await expect(page.getByText('Never subscribed')).toBeVisible();

  const note = `Prefers delivery after 5 pm (${Date.now()})`;
  await page.getByLabel('Add a note').fill(note);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  await expect(page.getByLabel('Add a note')).toHaveValue('');
  const saved = page.getByRole('listitem').filter({ hasText: note });
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Sue Support');

  // An empty note is refused at its field, and the field keeps focus for the fix.
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByLabel('Add a note')).toBeFocused();
  await expect(page.getByText('Required')).toBeVisible();
});

test('an order manager reads a customer and their notes but cannot add one', async ({ page }) => {
  await signInToAdmin(page, 'orders@example.com');
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Sam Shopper' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Notes' })).toBeVisible();
  await expect(page.getByLabel('Add a note')).toHaveCount(0);
});
