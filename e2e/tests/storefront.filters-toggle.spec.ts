import { expect, test } from './support/playwright';

// A search with results and a seeded category: both pages share the listing layout.
const listingPages = ['/search?q=lamp', '/categories/lighting'];

/**
 * The listing's "Filters" disclosure is a CSS-only checkbox. On a desktop the filters are always
 * shown and the box is not there for keyboards or assistive technology; on a phone it is named
 * by its label and opens the filters.
 */
for (const listing of listingPages) {
  test(`desktop ${listing}: the hidden Filters toggle is out of the tab order and the accessibility tree`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(listing);
    await expect(page.getByRole('complementary', { name: 'Filters' })).toBeVisible();
    await expect(page.locator('#show-filters')).toBeHidden();
    await expect(page.getByRole('checkbox', { name: /filters/i })).toHaveCount(0);
    // Every checkbox left on the page (the facets) has an accessible name.
    for (const box of await page.getByRole('checkbox').all()) {
      await expect(box).not.toHaveAccessibleName('');
    }
    await page.screenshot({ path: test.info().outputPath('desktop.png'), fullPage: true });
  });

  test(`phone ${listing}: the Filters toggle is named by its label and opens the filters`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(listing);
    const filters = page.getByRole('complementary', { name: 'Filters' });
    const toggle = page.getByRole('checkbox', { name: 'Filters', exact: false });
    await expect(toggle).toHaveCount(1);
    await expect(filters).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(filters).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('phone-open.png'), fullPage: true });
  });
}
