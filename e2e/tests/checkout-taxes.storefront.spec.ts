import type { Page } from '@playwright/test';
import { expect, test } from './support/playwright';
import { uniqueEmail } from './support/accounts';
import {
  addToCart,
  fillShippingAddress,
  findBuyableVariants,
  placeOrder,
} from './support/checkout-flow';

// The demo shop's prices include VAT (docs/taxes.md): every page says so, checkout adds nothing
// and shows the VAT the total contains. TAX_SCREENSHOTS=<dir> keeps a screenshot of each page at
// 1280 and 390 px wide for a person to look at.
test.setTimeout(120_000);

const euros = (text: string) => Number(text.replace(/[^\d.]/g, '').replace(/\.(?=.*\.)/g, ''));

async function shoot(page: Page, name: string) {
  const dir = process.env.TAX_SCREENSHOTS;
  if (!dir) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('prices say incl. VAT from product page to order, and checkout adds no tax', async ({
  page,
  request,
}) => {
  const [variant] = await findBuyableVariants(request, 1, { skip: 3 });

  await page.goto('/products');
  await expect(page.getByTestId('product-card').first().getByTestId('price-tax-note')).toHaveText(
    'incl. VAT',
  );
  await shoot(page, 'cards');

  await addToCart(page, variant!, 2);
  await expect(page.getByTestId('price-tax-note')).toHaveText('incl. VAT');
  await page.keyboard.press('Escape');
  await shoot(page, 'product');

  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByText('Subtotal (incl. VAT), 2 items')).toBeVisible();
  await expect(page.getByTestId('cart-tax-note')).toContainText('Shipping');
  await shoot(page, 'cart');

  await page.goto('/checkout');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('taxes'));
  await fillShippingAddress(page, 'Vera Vat');
  await page.getByTestId('shipping-methods').getByRole('radio').first().check();
  await page.getByRole('radio', { name: /^Cash on delivery/ }).check();
  const totals = page.getByTestId('totals');
  await expect(totals.getByTestId('tax-contained')).toContainText(/incl\. VAT \(19%\)/);
  await expect(totals.getByTestId('tax-added')).toHaveCount(0);
  // The total is the subtotal plus shipping: the VAT is inside it, not on top.
  const subtotal = euros((await totals.locator('dd').first().textContent()) ?? '');
  const shippingText = (await totals.locator('dd').nth(1).textContent()) ?? '';
  const shipping = shippingText.trim() === 'Free' ? 0 : euros(shippingText);
  const total = euros((await totals.getByTestId('order-total').textContent()) ?? '');
  expect(Math.round((subtotal + shipping) * 100)).toBe(Math.round(total * 100));
  await shoot(page, 'checkout');

  const orderId = await placeOrder(page);
  await expect(page).toHaveURL(new RegExp(`/checkout/confirmation/${orderId}$`), {
    timeout: 30_000,
  });
  await expect(page.getByTestId('order-summary').getByTestId('tax-contained')).toBeVisible({
    timeout: 30_000,
  });
  await shoot(page, 'confirmation');
});
