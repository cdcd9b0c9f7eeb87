import { expect, test } from './support/playwright';
import { signUpShopper, strongPassword, uniqueEmail } from './support/accounts';
import {
  addToCart,
  availableUnits,
  cartButton,
  fillShippingAddress,
  findBuyableVariants,
  payWithTestCard,
  placeOrder,
} from './support/checkout-flow';
import { clearEmailsTo, waitForEmail } from './support/mail-inbox';

// Checkout runs the whole saga (reserve, pay, confirm) through the local Inngest executor.
test.setTimeout(120_000);

test('a guest fills a cart, signs up (the cart survives), pays by card and finds the order and its email', async ({
  page,
  request,
}) => {
  const [first, second] = await findBuyableVariants(request, 2);
  const email = uniqueEmail('checkout');
  const name = 'Carla Checkout';

  await addToCart(page, first!);
  await expect(cartButton(page)).toHaveAccessibleName('Cart, 1 item');
  // Escape closes the mini-cart and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mini-cart-panel')).toBeHidden();
  await expect(cartButton(page)).toBeFocused();

  await addToCart(page, second!, 2);
  await expect(cartButton(page)).toHaveAccessibleName('Cart, 3 items');

  await signUpShopper(page, { name, email, password: strongPassword() });
  await clearEmailsTo(request, email);
  // The guest cart merged into the new account's cart.
  await expect(cartButton(page)).toHaveAccessibleName('Cart, 3 items');

  await page.goto('/cart');
  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: first!.name })).toBeVisible();
  await page.getByRole('link', { name: 'Checkout' }).last().click();

  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByTestId('checkout-form')).toContainText(`Signed in as ${email}`);
  await fillShippingAddress(page, name);
  await page.getByTestId('shipping-methods').getByRole('radio').first().check();
  await page.getByRole('radio', { name: /^Card/ }).check();
  const orderId = await placeOrder(page);

  await payWithTestCard(page, '4242 4242 4242 4242', name);
  await expect(page).toHaveURL(new RegExp(`/checkout/confirmation/${orderId}$`), {
    timeout: 30_000,
  });
  const confirmed = page.getByTestId('order-confirmed');
  await expect(confirmed).toBeVisible({ timeout: 30_000 });
  const number = (await confirmed.textContent())!.match(/SO-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
  await expect(page.getByTestId('order-line')).toHaveCount(2);
  await expect(page.getByTestId('confirmation-address')).toContainText('Invalidenstraße 116');
  // The cart was emptied when the order was placed.
  await expect(cartButton(page)).toHaveAccessibleName('Cart, 0 items');

  const confirmation = await waitForEmail(request, email, new RegExp(`Order ${number} confirmed`), {
    timeoutMs: 30_000,
  });
  expect(confirmation.text).toContain(first!.name);

  await page.goto('/account/orders');
  await expect(page.getByText(number)).toBeVisible();
});

test('a declined card says so clearly, the order ends cancelled and the stock is back', async ({
  page,
  request,
}) => {
  const [variant] = await findBuyableVariants(request, 1, { skip: 5, preferFew: true });
  const before = await availableUnits(request, variant!.sku);

  await addToCart(page, variant!);
  await page.goto('/checkout');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('declined'));
  await fillShippingAddress(page, 'Dee Klein');
  await placeOrder(page);

  await payWithTestCard(page, '4000 0000 0000 0002', 'Dee Klein');
  const declined = page.getByTestId('payment-declined');
  await expect(declined).toContainText(
    'Your card was declined. Your order has been cancelled and nothing was charged.',
    { timeout: 20_000 },
  );
  await expect(page.getByTestId('declined-order-status')).toContainText('is cancelled.', {
    timeout: 30_000,
  });
  // The reservation was released: as many units as before the order.
  await expect.poll(() => availableUnits(request, variant!.sku), { timeout: 20_000 }).toBe(before);

  // The cart was emptied at placement; the lines can go back in one click.
  await page.getByRole('button', { name: 'Put these items back in my cart' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});

test('a card that needs 3-D Secure shows the bank step, and approving it confirms the order', async ({
  page,
  request,
}) => {
  const [variant] = await findBuyableVariants(request, 1, { skip: 10 });
  await addToCart(page, variant!);
  await page.goto('/checkout');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('three-d'));
  await fillShippingAddress(page, 'Tess Secure');
  const orderId = await placeOrder(page);

  await payWithTestCard(page, '4000 0000 0000 3220', 'Tess Secure');
  const bank = page.getByTestId('three-d-secure');
  await expect(bank.getByRole('heading', { name: 'Confirm with your bank' })).toBeVisible();
  await bank.getByRole('button', { name: 'Approve payment' }).click();
  await expect(page).toHaveURL(new RegExp(`/checkout/confirmation/${orderId}$`), {
    timeout: 30_000,
  });
  await expect(page.getByTestId('order-confirmed')).toBeVisible({ timeout: 30_000 });
  // Guests are offered an account for next time.
  await expect(page.getByTestId('create-account-hint')).toBeVisible();
});

test('a cart changed in another tab while checking out shows the new total and asks to confirm again', async ({
  page,
  context,
  request,
}) => {
  const [first, second] = await findBuyableVariants(request, 2, { skip: 15 });
  await addToCart(page, first!);
  await page.goto('/checkout');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('changed'));
  await fillShippingAddress(page, 'Cal Changed');
  const place = page.getByRole('button', { name: /^Place order · / });
  await expect(place).toBeEnabled({ timeout: 15_000 });
  const totalBefore = await page.getByTestId('order-total').getAttribute('data-minor');

  // Another tab of the same browser adds something to the same cart.
  const otherTab = await context.newPage();
  await addToCart(otherTab, second!);
  await otherTab.close();

  await place.click();
  await expect(page.getByTestId('cart-changed')).toContainText('Your cart changed');
  await expect(page.getByTestId('order-total')).not.toHaveAttribute('data-minor', totalBefore!);
  await expect(page.getByTestId('review-lines').getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Confirm and place order' }).click();
  await expect(page).toHaveURL(/\/checkout\/pay\/[a-f0-9]{24}$/, { timeout: 20_000 });
});
