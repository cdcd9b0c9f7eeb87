import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from './support/playwright';
import {
  demoPassword,
  signIn,
  signInTimeout,
  signInToAdmin,
  strongPassword,
  uniqueEmail,
} from './support/accounts';
import { cellsUrl } from './support/cell';
import { cellCredentialHeaders } from './support/cell-credential';
import { findBuyableVariants } from './support/checkout-flow';

// The order runs through the saga (reserve stock, cash on delivery, confirm) on the local executor.
test.setTimeout(120_000);

const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;

/** A tRPC mutation straight to the cells, as the holder of `token` (bypassing both apps). */
async function mutateCell<T>(
  request: APIRequestContext,
  procedure: string,
  input: unknown,
  token?: string,
): Promise<T> {
  const response = await request.post(`${cellsUrl}/trpc/${procedure}`, {
    data: input,
    headers: { ...cellCredentialHeaders(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

async function accessTokenOf(request: APIRequestContext, email: string, password: string) {
  return (await mutateCell<{ accessToken: string }>(request, 'auth.login', { email, password }))
    .accessToken;
}

/**
 * A new shopper places an order for one in-stock item, paying cash on delivery (so the saga
 * confirms it without a card), through the order cell's own procedures.
 */
async function placeConfirmedOrder(request: APIRequestContext) {
  const email = uniqueEmail('orders');
  const password = strongPassword();
  const name = 'Olga Orders';
  await mutateCell(request, 'auth.register', { email, password, name });
  const token = await accessTokenOf(request, email, password);
  const [variant] = await findBuyableVariants(request, 1);
  await mutateCell(request, 'order.addToCart', { sku: variant!.sku, quantity: 1 }, token);
  const quote = await queryCellAs<{ totalMinor: number }>(
    request,
    'order.quote',
    { shippingMethodId: 'standard', country: 'NL' },
    token,
  );
  const placed = await mutateCell<{ orderId: string; number: string }>(
    request,
    'order.place',
    {
      idempotencyKey: randomUUID(),
      email,
      shippingAddress: {
        name,
        line1: 'Keizersgracht 1',
        city: 'Amsterdam',
        postcode: '1015 CJ',
        country: 'NL',
      },
      shippingMethodId: 'standard',
      paymentMethod: 'cash_on_delivery',
      expectedTotalMinor: quote.totalMinor,
    },
    token,
  );
  await expect
    .poll(
      async () =>
        (
          await queryCellAs<{ status: string }>(
            request,
            'order.get',
            { orderId: placed.orderId },
            token,
          )
        ).status,
      { timeout: 30_000 },
    )
    .toBe('CONFIRMED');
  return { ...placed, email, password, productName: variant!.name };
}

/** A tRPC query as the holder of `token` (support/cell.ts's queryCell asks anonymously). */
async function queryCellAs<T>(
  request: APIRequestContext,
  procedure: string,
  input: unknown,
  token: string,
): Promise<T> {
  const response = await request.get(
    `${cellsUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
    { headers: { ...cellCredentialHeaders(), authorization: `Bearer ${token}` } },
  );
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

async function openOrderInAdmin(page: Page, number: string) {
  await page.goto('/orders');
  await page.getByLabel('Search').fill(number);
  await page.getByRole('button', { name: 'Show orders' }).click();
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
}

test('staff ship an order and the customer sees it shipped, with the tracking link, in their history', async ({
  page,
  request,
}) => {
  const order = await placeConfirmedOrder(request);

  await signInToAdmin(page, 'orders@example.com');
  await page
    .getByRole('navigation', { name: 'Back office' })
    .last()
    .getByRole('link', { name: 'Orders' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await openOrderInAdmin(page, order.number);
  await expect(page.getByTestId('order-status').first()).toHaveText('Confirmed');
  // Shipping is not offered before the order is being prepared.
  await expect(page.getByRole('button', { name: 'Mark shipped' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Mark processing' }).click();
  await expect(page.getByTestId('order-status').first()).toHaveText('Being prepared');

  const ship = page.getByTestId('mark-shipped');
  await ship.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(ship.getByText('Enter the carrier.')).toBeVisible();
  await ship.getByLabel('Carrier').fill('PostNL');
  await ship.getByLabel('Tracking number').fill('3SE2E0001');
  await ship
    .getByLabel('Tracking link (optional)')
    .fill('https://postnl.nl/tracktrace/?B=3SE2E0001');
  await ship.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(page.getByTestId('order-status').first()).toHaveText('Shipped');
  await expect(page.getByTestId('shipment')).toContainText('PostNL');
  // Once shipped, it can be delivered but no longer cancelled.
  await expect(page.getByRole('button', { name: 'Mark delivered' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cancel order/ })).toHaveCount(0);

  // The customer, signed in on the storefront, finds it shipped in their order history.
  await page.goto(`${storefrontUrl}/sign-in?callbackUrl=%2Faccount%2Forders`);
  await signIn(page, order.email, order.password);
  await expect(page).toHaveURL(/\/account\/orders$/, { timeout: signInTimeout });
  const row = page.getByTestId('order-row').filter({ hasText: order.number });
  await expect(row.getByTestId('order-status')).toHaveText('Shipped');
  await row.getByRole('link', { name: `Order ${order.number}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: order.number })).toBeVisible();
  const tracking = page.getByRole('link', { name: /Track your parcel with PostNL/ });
  await expect(tracking).toHaveAttribute('href', 'https://postnl.nl/tracktrace/?B=3SE2E0001');
  const current = page
    .getByRole('list', { name: 'Order progress' })
    .locator('[aria-current="step"]');
  await expect(current).toContainText('Shipped');
  await expect(current).toContainText('By our team');
  // Shipped orders cannot be cancelled by the shopper either.
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
});

test('support may look at an order but not refund it; an order manager may', async ({
  page,
  request,
}) => {
  // The demo shopper's delivered order was paid by card: there is money to refund.
  const { items } = await queryCellAsStaff(request);
  const delivered = items.find((item) => item.number === 'SO-100001');
  expect(delivered, 'the demo order SO-100001 is seeded').toBeTruthy();

  await signInToAdmin(page, 'support@example.com');
  await page.goto(`/orders/${delivered!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'SO-100001' })).toBeVisible();
  await expect(page.getByTestId('order-payments')).toBeVisible();
  const actions = page.getByTestId('order-actions');
  await expect(actions.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await expect(actions).toContainText('Refunds need an order manager or an administrator.');
  await expect(actions).toContainText('Your role can view orders but not change them.');

  // The payment cell refuses support's token too, whatever the page shows.
  const supportToken = await accessTokenOf(request, 'support@example.com', demoPassword);
  const refused = await request.post(`${cellsUrl}/trpc/payment.refund`, {
    data: { orderId: delivered!.id, amountMinor: 1, idempotencyKey: randomUUID() },
    headers: { ...cellCredentialHeaders(), authorization: `Bearer ${supportToken}` },
  });
  expect(refused.status()).toBe(403);

  await page.context().clearCookies();
  await signInToAdmin(page, 'orders@example.com');
  await page.goto(`/orders/${delivered!.id}`);
  const refund = page.getByTestId('refund');
  await expect(refund.getByRole('button', { name: 'Refund' })).toBeVisible();
  // A third decimal is refused on the page, before anything reaches the payment cell.
  await refund.getByLabel('Amount (EUR)').fill('1.005');
  await refund.getByRole('button', { name: 'Refund' }).click();
  await expect(refund.getByText('Use at most 2 decimals, for example 12.50.')).toBeVisible();
});

/** The order manager's view of the order list (to find a seeded order's id). */
async function queryCellAsStaff(request: APIRequestContext) {
  const token = await accessTokenOf(request, 'orders@example.com', demoPassword);
  return queryCellAs<{ items: { id: string; number: string }[] }>(
    request,
    'order.adminList',
    { q: 'SO-100001' },
    token,
  );
}
