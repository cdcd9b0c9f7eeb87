import type { Page } from '@playwright/test';
import { expect, test } from './support/playwright';
import { uniqueEmail } from './support/accounts';
import { linkIn, waitForEmail } from './support/mail-inbox';

// Issue 18 as a shopper meets it: the footer's newsletter form, the double opt-in email from the
// captured inbox, and unsubscribing in one click, both ways a mail client offers it: the
// RFC 8058 POST to the List-Unsubscribe URL (no browser, no cookies) and the footer link's page.
// SCREENSHOTS_DIR=<dir> keeps each page at 1280 and 390 px wide for a person to look at.
test.setTimeout(120_000);

async function shoot(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: `${dir}/newsletter-${name}-${width}.png`,
      fullPage: width === 390,
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Signs up from the footer and confirms from the captured inbox; returns the welcome email. */
async function subscribeAndConfirm(page: Page, email: string, shots = false) {
  await page.goto('/products');
  const footer = page.getByRole('contentinfo');
  await footer.getByLabel('Get the newsletter').fill(email);
  if (shots) await footer.scrollIntoViewIfNeeded();
  await footer.getByRole('button', { name: 'Subscribe' }).click();
  await expect(footer.getByTestId('newsletter-sent')).toContainText('Follow it to confirm');
  if (shots) await shoot(page, 'footer-sent');

  const confirmation = await waitForEmail(page.request, email, /Confirm your subscription/);
  await page.goto(linkIn(confirmation, '/newsletter/confirm'));
  await expect(page.getByRole('heading', { name: 'Confirm your subscription' })).toBeVisible();
  if (shots) await shoot(page, 'confirm');
  await page.getByRole('button', { name: 'Yes, subscribe me' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are subscribed' })).toBeVisible();
  if (shots) await shoot(page, 'confirmed');
  return waitForEmail(page.request, email, /Welcome to the Shop newsletter/);
}

test('a shopper subscribes in the footer, confirms from the inbox, and unsubscribes from the email link in one click', async ({
  page,
}) => {
  const email = uniqueEmail('newsletter');
  if (process.env.SCREENSHOTS_DIR) {
    await page.goto('/products');
    await page.getByRole('contentinfo').scrollIntoViewIfNeeded();
    await shoot(page, 'footer');
  }
  const welcome = await subscribeAndConfirm(page, email, true);
  expect(welcome.headers?.['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

  await page.goto(linkIn(welcome, '/unsubscribe?token='));
  await expect(
    page.getByRole('heading', { name: 'Unsubscribe from marketing email' }),
  ).toBeVisible();
  // Looking changed nothing: the button is still offered after a reload.
  await page.reload();
  await shoot(page, 'unsubscribe');
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are unsubscribed' })).toBeVisible();
  await shoot(page, 'unsubscribed');
  await page.reload();
  await expect(page.getByText('You are unsubscribed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0);
});

test("a mail client's one-click POST to List-Unsubscribe unsubscribes at once, without a browser", async ({
  page,
  playwright,
}) => {
  const email = uniqueEmail('oneclick');
  const welcome = await subscribeAndConfirm(page, email);
  const oneClick = welcome.headers?.['list-unsubscribe']?.match(/^<(https?:\/\/[^>]+)>$/)?.[1];
  expect(oneClick, 'List-Unsubscribe holds the one-click URL').toBeTruthy();
  expect(oneClick).not.toContain(email.split('@')[0]);

  // The mail provider's request: no cookies, no Origin of ours, form-encoded body (RFC 8058).
  const provider = await playwright.request.newContext();
  const posted = await provider.post(oneClick!, {
    form: { 'List-Unsubscribe': 'One-Click' },
    maxRedirects: 0,
  });
  expect(posted.status()).toBe(204);
  // A GET (a person clicking the header link) only shows the page.
  const looked = await provider.get(oneClick!, { maxRedirects: 0 });
  expect(looked.status()).toBe(303);
  await provider.dispose();

  await page.goto(linkIn(welcome, '/unsubscribe?token='));
  await expect(page.getByText('You are unsubscribed')).toBeVisible();
});
