import { signUpShopper, strongPassword, uniqueEmail } from './support/accounts';
import { startAppWithoutCells, type AppWithoutCells } from './support/app-without-cells';
import { expect, test } from './support/playwright';
import { staffSessionCookie } from './support/staff-session';

// Each app's session opens only that app (docs/security/browser.md, "Sessions"). The shopper
// signs up on the storefront (this project's base URL); the back office is the stack's admin.
const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;
const adminUrl = `http://127.0.0.1:${process.env.ADMIN_PORT ?? 3300}`;

test('a shopper’s storefront session renamed to the admin’s cookie does not open the back office', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('renamed-cookie');
  await signUpShopper(page, { name: 'Rena Cookie', email, password: strongPassword() });
  const storefrontCookie = (await page.context().cookies(storefrontUrl)).find(
    (cookie) => cookie.name === 'next-auth.session-token',
  );
  expect(storefrontCookie?.value).toBeTruthy();

  await page
    .context()
    .addCookies([
      { name: 'shop-admin.session-token', value: storefrontCookie!.value, url: adminUrl },
    ]);
  await page.goto(`${adminUrl}/`);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff sign-in');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0);
  for (const path of ['/orders', '/customers', '/staff']) {
    const response = await request.get(`${adminUrl}${path}`, {
      headers: { cookie: `shop-admin.session-token=${storefrontCookie!.value}` },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toContain('/sign-in');
  }
});

test.describe('a back-office session without a staff role', () => {
  let admin: AppWithoutCells;
  test.beforeAll(async () => {
    admin = await startAppWithoutCells('admin', 3351);
  });
  test.afterAll(async () => {
    await admin?.stop();
  });

  test('gets “no staff access” with a 403 on every page, never the dashboard', async ({
    page,
  }, testInfo) => {
    await page.context().addCookies([await staffSessionCookie(admin.url, ['customer'])]);
    for (const path of ['/', '/orders', '/staff', '/customers/000000000000000000000001']) {
      const response = await page.goto(`${admin.url}${path}`);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'This account has no staff access',
      );
      await expect(page.getByText('admin@example.com')).toBeVisible();
      await expect(page.getByRole('navigation')).toHaveCount(0);
    }
    await page.screenshot({ path: testInfo.outputPath('no-staff-access.png'), fullPage: true });
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });
});
