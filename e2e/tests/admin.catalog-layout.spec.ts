import { signInToAdmin } from './support/accounts';
import { expect, test } from './support/playwright';

// The catalogue pages at a phone's width and a laptop's: nothing makes the page scroll sideways
// (wide tables scroll inside their own frame), and each page is captured for a look
// (test-results/catalog-<page>-<width>.png).

const widths = [1280, 390] as const;

test('the catalogue pages fit a 390 px phone and a 1280 px laptop', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInToAdmin(page, 'catalog@example.com');
  await page.goto('/catalog');
  const firstProduct = await page
    .getByTestId('product-row')
    .first()
    .getByRole('link')
    .getAttribute('href');
  const pages = {
    list: '/catalog',
    editor: firstProduct ?? '/catalog',
    new: '/catalog/new',
    categories: '/catalog/categories',
  };
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // The page's width beyond the viewport, and what sticks out (to say what to fix).
      const { overflow, culprits } = await page.evaluate(() => {
        const root = document.documentElement;
        const stickingOut = Array.from(document.querySelectorAll<HTMLElement>('body *'))
          .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
          .slice(-5)
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}.${Array.from(element.classList).slice(0, 4).join('.')}`,
          );
        return { overflow: root.scrollWidth - root.clientWidth, culprits: stickingOut };
      });
      expect(
        overflow,
        `${path} at ${width} px scrolls sideways by ${overflow} px: ${culprits.join(', ')}`,
      ).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: testInfo.outputPath(`catalog-${name}-${width}.png`),
        fullPage: true,
      });
    }
  }
});
