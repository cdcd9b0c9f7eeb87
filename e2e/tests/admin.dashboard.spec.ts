import { signInToAdmin } from './support/accounts';
import { expect, test, type Page } from './support/playwright';

// Issue 12, the merchant's home: the demo orders are dated relative to the seeding (some today,
// more this week), so the dashboard shows sales today and this week against the period before.
// Screenshots at 1280 and 390 px go to test-results/ (SCREENSHOTS_DIR to change); the page may
// not scroll sideways at 390 px.

const shots = process.env.SCREENSHOTS_DIR ?? 'test-results/dashboard-screens';

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

/** The figure a period's card shows for `label` ("Sales", "Orders"). */
async function figure(page: Page, period: 'Today' | 'This week', label: string): Promise<string> {
  const card = page
    .getByRole('region', { name: period })
    .locator('div', { has: page.getByText(label, { exact: true }) })
    .last();
  return (await card.locator('dd').first().textContent())?.trim() ?? '';
}

test("the dashboard shows the demo shop's sales today and this week", async ({ page }) => {
  await signInToAdmin(page, 'admin@example.com');
  await expect(page.getByRole('heading', { level: 2, name: 'Sales' })).toBeVisible();
  await expect(page.getByText('No paid orders this week or last week yet.')).toHaveCount(0);
  const today = Number(await figure(page, 'Today', 'Orders'));
  const week = Number(await figure(page, 'This week', 'Orders'));
  expect(today, 'paid demo orders placed today').toBeGreaterThan(0);
  expect(week, 'this week includes today').toBeGreaterThanOrEqual(today);
  expect(await figure(page, 'Today', 'Sales'), 'sales today').toMatch(/[1-9]/);
  // Recent orders and orders to ship come from the same seeded orders.
  await expect(
    page.getByRole('table', { name: 'The five newest orders' }).getByRole('link', { name: /^SO-/ }),
  ).toHaveCount(5);
  await shoot(page, 'dashboard');
});
