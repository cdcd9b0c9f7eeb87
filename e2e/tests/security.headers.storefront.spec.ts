import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderedPageRoutes } from '../../apps/storefront/src/security/rendered-pages';
import { signUpShopper, strongPassword, uniqueEmail } from './support/accounts';
import { queryCell } from './support/cell';
import type { CategoryNode } from './support/catalog';
import {
  addToCart,
  fillShippingAddress,
  findBuyableVariants,
  placeOrder,
} from './support/checkout-flow';
import { expect, test, type APIResponse } from './support/playwright';

// The storefront's browser security headers on every kind of answer (docs/security/browser.md).

const buildDir = fileURLToPath(new URL('../../apps/storefront/.next/', import.meta.url));

function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

/** The headers every answer carries, whatever its kind. */
function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['permissions-policy']).toContain('payment=(self "https://js.stripe.com")');
  // The stack serves plain http: no HSTS (browsers would ignore it there anyway).
  expect(headers['strict-transport-security']).toBeUndefined();
}

/** A page rendered for this request: its policy's nonce is on every script Next wrote. */
async function expectNoncePage(response: APIResponse) {
  expectCommonHeaders(response);
  const policy = directives(response.headers()['content-security-policy']);
  const nonce = policy.get('script-src')?.[0]?.match(/^'nonce-(.+)'$/)?.[1];
  expect(nonce, 'a nonce in script-src').toBeTruthy();
  expect(policy.get('script-src')).toContain("'strict-dynamic'");
  expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('frame-src')).toEqual(['https://*.stripe.com']);
  expect(policy.get('script-src')).toContain('https://js.stripe.com');
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
  const executable = scripts.filter(
    (attributes) => !/type="application\/ld\+json"/.test(attributes),
  );
  expect(executable.length).toBeGreaterThan(0);
  for (const attributes of executable) expect(attributes).toContain(`nonce="${nonce}"`);
  return nonce!;
}

/** HTML from the page cache: no nonce can be in it, so inline scripts are allowed, nothing else. */
function expectCachedPagePolicy(response: APIResponse) {
  expectCommonHeaders(response);
  const policy = directives(response.headers()['content-security-policy']);
  expect(policy.get('script-src')).toEqual([
    "'self'",
    "'unsafe-inline'",
    'https://js.stripe.com',
    'https://*.js.stripe.com',
  ]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('connect-src')).toEqual(["'self'", 'https://*.stripe.com']);
}

function expectDataPolicy(response: APIResponse) {
  expectCommonHeaders(response);
  expect(response.headers()['content-security-policy']).toBe(
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
}

test('pages rendered per request carry a fresh nonce on every script', async ({ request }) => {
  const first = await expectNoncePage(await request.get('/'));
  const second = await expectNoncePage(await request.get('/'));
  expect(second).not.toBe(first);
  await expectNoncePage(await request.get('/search?q=mug'));
  await expectNoncePage(await request.get('/checkout'));
  await expectNoncePage(await request.get('/sign-in'));
  await expectNoncePage(await request.get('/products'));
  // The cart shows the store's tax labels, which come from the order cell at request time.
  await expectNoncePage(await request.get('/cart'));
});

test('cached product and category pages keep coming from the page cache, with the cached-page policy', async ({
  request,
}) => {
  const [variant] = await findBuyableVariants(request, 1);
  const tree = await queryCell<{ items: CategoryNode[] }>(request, 'product.categoryTree');
  for (const path of [`/products/${variant!.slug}`, `/categories/${tree.items[0]!.slug}`]) {
    await request.get(path);
    const cached = await request.get(path);
    expect(cached.status(), path).toBe(200);
    // Still shared cached HTML (STALE: cached over 60 s ago, served while it is refreshed): the
    // policy did not make the page render per request.
    expect(cached.headers()['x-nextjs-cache'], path).toMatch(/^(HIT|STALE)$/);
    expectCachedPagePolicy(cached);
    expect(await cached.text()).not.toContain('nonce=');
  }
});

test('error pages, the gateway, the probe, images and static files get their headers', async ({
  request,
}) => {
  const unknownPage = await request.get('/no-such-page-anywhere');
  expect(unknownPage.status()).toBe(404);
  expectCachedPagePolicy(unknownPage);
  const unknownProduct = await request.get('/products/no-such-product-anywhere');
  expect(unknownProduct.status()).toBe(404);
  expectCachedPagePolicy(unknownProduct);

  const gateway = await request.get('/api/cells/product/product.categories');
  expect(gateway.status()).toBe(200);
  expectDataPolicy(gateway);
  const unknownService = await request.get('/api/cells/nothing/nothing.here');
  expect(unknownService.status()).toBe(404);
  expectDataPolicy(unknownService);
  const probe = await request.get('/healthz');
  expect(probe.status()).toBe(200);
  expectDataPolicy(probe);
  expectDataPolicy(await request.get('/robots.txt'));

  const html = await (await request.get('/')).text();
  const chunk = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  const script = await request.get(chunk!);
  expect(script.status()).toBe(200);
  expectCommonHeaders(script);

  // The report endpoint takes a report and says nothing back.
  const report = await request.post('/api/csp-report', {
    headers: { 'content-type': 'application/csp-report' },
    data: JSON.stringify({ 'csp-report': { 'blocked-uri': 'inline' } }),
  });
  expect(report.status()).toBe(204);
});

test('HSTS is sent once the ingress says the browser came over https', async ({ request }) => {
  for (const path of ['/', '/healthz', `/cart`]) {
    const response = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers()['strict-transport-security'], path).toBe('max-age=31536000');
    if (path !== '/healthz') {
      expect(response.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
    }
  }
});

test('the nonce policy covers exactly the pages the build renders per request', () => {
  // The build's own lists: every route, and those served from the page cache (ISR, static).
  const routes = Object.values(
    JSON.parse(readFileSync(`${buildDir}app-path-routes-manifest.json`, 'utf8')) as Record<
      string,
      string
    >,
  );
  const prerender = JSON.parse(readFileSync(`${buildDir}prerender-manifest.json`, 'utf8')) as {
    routes: Record<string, unknown>;
    dynamicRoutes: Record<string, unknown>;
  };
  const cached = new Set([
    ...Object.keys(prerender.routes),
    ...Object.keys(prerender.dynamicRoutes),
  ]);
  const notPages =
    /^\/(api\/|media\/|healthz$|images\/|icon\.svg$|robots\.txt$|sitemap\.xml$|unsubscribe\/one-click$|_global-error$|_not-found$)/;
  const perRequestPages = [...new Set(routes)]
    .filter((route) => !notPages.test(route) && !cached.has(route))
    .sort();
  expect([...renderedPageRoutes].sort()).toEqual(perRequestPages);
});

test.describe('the policy at work', () => {
  test.use({ cspViolationsAllowed: true });

  test('a script injected into a page rendered per request does not run; the page’s own do', async ({
    page,
    cspViolations,
    baseURL,
  }) => {
    // As if the server had written attacker-controlled HTML into the page (the headers are the
    // real ones, with this request's nonce).
    await page.route(`${baseURL}/`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        '</body>',
        '<script>window.injected = true</script></body>',
      );
      await route.fulfill({ response, body });
    });
    await page.goto('/');
    // Next's own scripts carry the nonce: the page is interactive (the mini-cart opens).
    await page.getByTestId('mini-cart-button').click();
    await expect(page.getByTestId('mini-cart-panel')).toBeVisible();
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
    expect(cspViolations.some((violation) => /script-src/.test(violation.what))).toBe(true);
  });

  test('no other site can frame a storefront page', async ({ page, baseURL }) => {
    // Another origin of the same host (another port), framing the storefront.
    await page.route('http://127.0.0.1:3999/frame', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe src="${baseURL}/cart"></iframe>` }),
    );
    await page.goto('http://127.0.0.1:3999/frame');
    await page.waitForLoadState('load');
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await expect(framed!.getByText('Your cart')).toHaveCount(0);
  });
});

test('a shopper’s pages log no CSP violation: home, product, search, cart, checkout, pay page, account', async ({
  page,
  request,
}, testInfo) => {
  const [variant] = await findBuyableVariants(request, 1);
  const shot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  };
  await page.goto('/');
  await expect(page.getByRole('banner')).toBeVisible();
  await shot('home');
  await addToCart(page, variant!);
  await shot('product');
  await page.goto('/search?q=mug');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shot('search');
  const name = 'Cora Policy';
  await signUpShopper(page, { name, email: uniqueEmail('csp'), password: strongPassword() });
  await shot('account');
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await shot('cart');
  await page.goto('/checkout');
  await fillShippingAddress(page, name);
  await page.getByTestId('shipping-methods').getByRole('radio').first().check();
  await page.getByRole('radio', { name: /^Card/ }).check();
  await shot('checkout');
  await placeOrder(page);
  // The pay page: the test processor's card form (Stripe is not reachable offline).
  await expect(page.getByTestId('card-form')).toBeVisible({ timeout: 20_000 });
  await shot('pay');
  for (const path of ['/account/orders', '/account/addresses', '/account/security']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // Tailwind's stylesheet applied: the header is laid out, not unstyled HTML.
  const display = await page
    .getByRole('banner')
    .evaluate((banner) => getComputedStyle(banner).display);
  expect(display).not.toBe('inline');
});
