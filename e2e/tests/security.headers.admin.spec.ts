import { signInToAdmin } from './support/accounts';
import { expect, test, type APIResponse } from './support/playwright';

// The back office's browser security headers (docs/security/browser.md): every page renders per
// request, so every page has a nonce; nothing may frame the refund, role and stock forms.

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('payment=()');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
}

async function expectNoncePage(response: APIResponse) {
  expectCommonHeaders(response);
  const policy = response.headers()['content-security-policy'] ?? '';
  const nonce = policy.match(/script-src 'nonce-([^']+)' 'strict-dynamic' 'self';/)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  // Only the admin's own campaign preview frame may be framed (docs/security/campaigns.md).
  expect(policy).toMatch(/frame-src 'self'(;|$)/);
  expect(policy).not.toContain('stripe');
  const scripts = [...(await response.text()).matchAll(/<script\b([^>]*)>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
}

test('every kind of back-office answer carries its headers', async ({ request }) => {
  await expectNoncePage(await request.get('/sign-in'));
  const signedOut = await request.get('/orders', { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expectCommonHeaders(signedOut);
  expect(signedOut.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  for (const path of ['/healthz', '/api/cells/product/product.categories']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectCommonHeaders(response);
    expect(response.headers()['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  }
  const https = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toBe('max-age=31536000');
});

test('a staff member’s pages log no CSP violation, the 403 and 404 pages included', async ({
  page,
}, testInfo) => {
  await signInToAdmin(page, 'admin@example.com');
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });
  for (const path of ['/orders', '/customers', '/discounts', '/settings/shipping', '/staff']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectNoncePage(response as unknown as APIResponse);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('staff.png'), fullPage: true });
  const order = page.getByRole('link', { name: /^SO-/ }).first();
  await page.goto('/orders');
  await order.click();
  await expect(page).toHaveURL(/\/orders\/[a-f0-9]{24}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('order.png'), fullPage: true });
  const missing = await page.goto('/no-such-section');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
});

test('a role without the section gets the 403 page, with its headers and no violation', async ({
  page,
}) => {
  await signInToAdmin(page, 'analyst@example.com');
  const response = await page.goto('/staff');
  expect(response?.status()).toBe(403);
  expect(response?.headers()['content-security-policy']).toMatch(/'nonce-[^']+'/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Your role does not give access to this page',
  );
  // The page is interactive: its navigation's links work.
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test.describe('the policy at work', () => {
  test.use({ cspViolationsAllowed: true });

  test('no other site can frame a back-office page with its refund, role and stock forms', async ({
    page,
    baseURL,
  }) => {
    await signInToAdmin(page, 'admin@example.com');
    // Another origin of the same host (another port) frames the staff page, session cookie and
    // all (SameSite=Lax cookies go to a same-site frame).
    await page.route('http://127.0.0.1:3999/frame', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe src="${baseURL}/staff"></iframe>` }),
    );
    await page.goto('http://127.0.0.1:3999/frame');
    await page.waitForLoadState('load');
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await expect(framed!.getByRole('heading', { name: 'Staff' })).toHaveCount(0);
  });
});
