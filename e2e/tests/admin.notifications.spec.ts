import { signInTimeout, signInToAdmin, strongPassword, uniqueEmail } from './support/accounts';
import { cellsUrl } from './support/cell';
import { cellCredentialHeaders } from './support/cell-credential';
import { expect, test, type Page } from './support/playwright';

// Issue 18, the admin's Notifications page: staff see a sent email (its attempts and the mail
// server's answer), preview a template with sample data, and see a staff alert raised by an event
// and mark it read. Screenshots at 1280 and 390 px go to test-results/ (SCREENSHOTS_DIR to
// change); no page may scroll sideways at 390 px.

const shots = process.env.SCREENSHOTS_DIR ?? 'test-results/notifications-screens';
/** The e2e stack's local Inngest executor (tooling/stack/src/stack-config.ts). */
const executorUrl = `http://127.0.0.1:${process.env.LOCAL_INNGEST_PORT ?? 8388}`;

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('staff see a sent email, preview a template and read an alert', async ({ page, request }) => {
  test.setTimeout(150_000);
  const email = uniqueEmail('centre');
  // A sign-up, straight at the auth cell: the welcome email goes out through the real send path.
  const registered = await request.post(`${cellsUrl}/trpc/auth.register`, {
    headers: { ...cellCredentialHeaders(), 'content-type': 'application/json' },
    data: { email, password: strongPassword(), name: 'Centre Test' },
  });
  expect(registered.status()).toBe(200);
  // A low-stock event, as the product cell sends it when a SKU falls to its threshold.
  const sku = `E2E-LOW-${Date.now().toString(36).toUpperCase()}`;
  const raised = await request.post(`${executorUrl}/e/e2e`, {
    data: { name: 'product/stock.low', data: { sku, productId: 'a'.repeat(24), available: 1 } },
  });
  expect(raised.status()).toBe(200);

  await signInToAdmin(page, 'admin@example.com');

  // Alerts: the header counts unread ones; the list shows the new one; mark it read.
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const alert = page.getByTestId('staff-alert').filter({ hasText: sku });
  await expect(async () => {
    await page.reload();
    await expect(alert).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: signInTimeout });
  await expect(alert).toHaveAttribute('data-read', 'false');
  await expect(alert).toContainText('Low stock');
  // The header's Alerts link (the visible one: sidebar at 1280 px) counts the unread alerts.
  await expect(page.getByRole('link', { name: /^Alerts: \d+ unread$/ })).toBeVisible();
  await shoot(page, 'alerts');
  await alert.getByRole('button', { name: /Mark read/ }).click();
  await expect(page.getByTestId('staff-alert').filter({ hasText: sku })).toHaveAttribute(
    'data-read',
    'true',
  );

  // Messages: the welcome email, sent, with the mail server's answer.
  await page.goto(`/notifications/messages?search=${encodeURIComponent(email)}`);
  const row = page.getByTestId('message-row').filter({ hasText: 'welcome' });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText('Sent', { timeout: 1_000 });
  }).toPass({ timeout: signInTimeout });
  await shoot(page, 'messages');
  await row.getByRole('link', { name: email }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Shop' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Delivery attempts/ })).toContainText('sent');
  await expect(page.getByRole('table', { name: /Delivery attempts/ })).toContainText(/250/);
  await shoot(page, 'message');

  // Templates: every template listed; the order confirmation previewed with sample data.
  await page.goto('/notifications/templates');
  await expect(
    page.getByTestId('template-row').filter({ hasText: 'order-confirmed' }),
  ).toBeVisible();
  await shoot(page, 'templates');
  await page.getByRole('link', { name: 'order-confirmed', exact: true }).click();
  await expect(page.getByTestId('preview-subject')).toHaveText('Order SO-SAMPLE-1 confirmed');
  const preview = page.frameLocator('[data-testid="preview-html"]');
  await expect(preview.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
  await expect(preview.getByText('Linen Shirt').first()).toBeVisible();
  await expect(page.getByLabel('Closing note')).toBeVisible();
  await shoot(page, 'template');
});
