import { expect, test } from './support/playwright';

// The analytics consent banner: shown under the default opt-in mode to a shopper who has not
// answered, usable with the keyboard, remembered, never shown to a browser sending Global
// Privacy Control, and moving nothing on the page when it appears.
test.use({ analyticsConsentAnswered: false });

test('a shopper answers the consent banner with the keyboard, and it stays answered', async ({
  page,
  context,
}) => {
  // Layout shifts of the page, summed as Cumulative Layout Shift counts them.
  await page.addInitScript(() => {
    const win = window as unknown as { __shift: number };
    win.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) win.__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/');
  const banner = page.getByRole('region', { name: 'Your browsing and your account' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('May we link what you browse');
  expect(
    await page.evaluate(() => (window as unknown as { __shift: number }).__shift),
  ).toBeLessThan(0.01);
  if (process.env.ANALYTICS_SCREENSHOTS) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `${process.env.ANALYTICS_SCREENSHOTS}/consent-${width}.png` });
    }
  }

  // Keyboard: the answer buttons are reachable with Tab and work with Enter.
  const no = banner.getByRole('button', { name: 'No, thanks' });
  for (
    let presses = 0;
    presses < 80 && !(await no.evaluate((el) => el === document.activeElement));
    presses += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(no).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(banner).toBeHidden();
  const cookies = await context.cookies();
  expect(cookies.find((cookie) => cookie.name === 'shop_analytics_consent')?.value).toBe('denied');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByTestId('consent-banner')).toHaveCount(0);
});

test('a browser sending Global Privacy Control is not asked', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { get: () => true });
  });
  const policy = page
    .waitForRequest(
      (request) => request.url().endsWith('/api/events') && request.method() === 'GET',
      { timeout: 5_000 },
    )
    .catch(() => null);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // It does not even ask the store's policy: GPC is a no whatever the mode.
  expect(await policy).toBeNull();
  await expect(page.getByTestId('consent-banner')).toHaveCount(0);
});
