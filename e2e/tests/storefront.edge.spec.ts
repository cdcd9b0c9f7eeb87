import { expect, test } from './support/playwright';

// What a browser (or a script) can do at the apps' edge: docs/security/edge.md.
const storefrontUrl = `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`;
const adminUrl = `http://127.0.0.1:${process.env.ADMIN_PORT ?? 3300}`;

// An unknown service: the gateway counts the call against the client's bucket, then answers 404
// itself, so the burst below costs no cell anything.
const cheapCall = '/api/cells/nothing/nothing.here';

test('a forged X-Forwarded-For through the storefront gateway still gets rate-limited', async ({
  request,
}) => {
  // The stack's gateway allows a burst of 100 per client address, refilling 20 a second. Every
  // call names another address; the production entry replaces it with the socket's.
  const statuses = await Promise.all(
    Array.from({ length: 250 }, (_, index) =>
      request
        .get(cheapCall, {
          headers: { 'x-forwarded-for': `198.51.${Math.floor(index / 250)}.${index % 250}` },
        })
        .then((response) => response.status()),
    ),
  );
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  expect(statuses.every((status) => status === 404 || status === 429)).toBe(true);

  // The bucket refills before the next test's pages need it.
  await expect
    .poll(async () => (await request.get(cheapCall)).status(), { timeout: 30_000 })
    .toBe(404);
});

for (const { app, url, procedure } of [
  { app: 'storefront', url: storefrontUrl, procedure: 'auth.logoutEverywhere' },
  { app: 'admin', url: adminUrl, procedure: 'auth.rotateSigningKey' },
]) {
  test(`a form on another origin of the same host cannot post to the ${app} gateway`, async ({
    page,
  }) => {
    // The attacker's page: another port of 127.0.0.1 (same site, so SameSite=Lax cookies go
    // along), served by Playwright itself.
    const attacker = 'http://127.0.0.1:3999/';
    await page.route(attacker, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' }),
    );
    await page.goto(attacker);
    const answer = page.waitForResponse((response) =>
      response.url().startsWith(`${url}/api/cells/auth/`),
    );
    await page.evaluate((action) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = action;
      form.enctype = 'multipart/form-data';
      document.body.append(form);
      form.submit();
    }, `${url}/api/cells/auth/${procedure}`);
    const response = await answer;
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({
      error: { message: 'Cross-origin requests are not accepted here' },
    });
  });
}

test('the gateway takes only JSON bodies, even from its own origin', async ({ request }) => {
  const form = await request.post(`${storefrontUrl}/api/cells/auth/auth.logoutEverywhere`, {
    headers: { 'sec-fetch-site': 'same-origin' },
    multipart: { anything: 'x' },
  });
  expect(form.status()).toBe(415);
  // The same call as JSON reaches the auth cell, which wants a signed-in caller.
  const json = await request.post(`${storefrontUrl}/api/cells/auth/auth.logoutEverywhere`, {
    headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    data: {},
  });
  expect(json.status()).toBe(401);
});
