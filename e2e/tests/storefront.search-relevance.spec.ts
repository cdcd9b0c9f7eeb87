import { expect, test } from './support/playwright';

// Issue 19 on the storefront's search page: when the words as typed find nothing, the page says
// which words it searched for and links to the exact search; a correction that finds many more
// products is offered. Both are visible text and keyboard-reachable links.

test('"coffee mug" shows mugs, says "Showing results for mug", and links to the exact search', async ({
  page,
}, testInfo) => {
  await page.goto('/search?q=coffee+mug');
  const notice = page.getByTestId('showing-results-for');
  await expect(notice).toHaveText(/Showing results for mug\./);
  await expect(page.getByTestId('product-card').first()).toContainText('Mug');
  await page.screenshot({ path: testInfo.outputPath('showing-results-for.png'), fullPage: false });

  // Keyboard: the link takes focus and Enter follows it.
  const exactly = notice.getByRole('link', { name: 'Search instead for exactly “coffee mug”' });
  await exactly.focus();
  await expect(exactly).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=coffee\+mug&exact=1$/);
  await expect(page.getByText('No products match “coffee mug”')).toBeVisible();
  await expect(page.getByTestId('showing-results-for')).toHaveCount(0);
});

test('"lamb" finds lambswool and offers "Did you mean lamp?", which searches for lamps', async ({
  page,
}, testInfo) => {
  await page.goto('/search?q=lamb');
  await expect(page.getByTestId('product-card').first()).toContainText('Lambswool');
  const suggestion = page.getByTestId('did-you-mean');
  await expect(suggestion).toHaveText('Did you mean lamp?');
  await page.screenshot({ path: testInfo.outputPath('did-you-mean.png'), fullPage: false });

  await suggestion.getByRole('link', { name: 'lamp' }).click();
  await expect(page).toHaveURL(/\/search\?q=lamp$/);
  await expect(page.getByTestId('product-card').first()).toContainText('Lamp');
  await expect(page.getByTestId('did-you-mean')).toHaveCount(0);
});
