import { expect, test, watchForCspViolations } from './support/playwright';
import {
  accountMenu,
  signIn,
  signInTimeout,
  signOutOfStorefront,
  signUpShopper,
  strongPassword,
  uniqueEmail,
} from './support/accounts';
import { clearEmailsTo, linkIn, waitForEmail } from './support/mail-inbox';

test('a shopper signs up, signs out and signs in again', async ({ page }) => {
  const email = uniqueEmail('signup');
  const password = strongPassword();

  await page.goto('/sign-up');
  // The policy is explained before anyone gets it wrong, and a weak password is refused next to
  // the field.
  await expect(page.getByText(/At least 10 characters/)).toBeVisible();
  await page.getByLabel('Name').fill('Robin Rivers');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/account$/, { timeout: signInTimeout });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Robin Rivers');
  await expect(accountMenu(page)).toContainText('Robin');

  // The browser is remembered as one that signed in (docs/security/accounts.md): an http-only
  // cookie sent only to sign-in, which outlives signing out.
  const deviceCookie = async () =>
    (await page.context().cookies()).find((cookie) => cookie.name === 'shop-storefront.device');
  expect(await deviceCookie()).toMatchObject({ httpOnly: true, path: '/api/auth' });
  await signOutOfStorefront(page);
  expect(await deviceCookie()).toBeDefined();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);

  await signIn(page, email, 'not-the-password');
  await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong email or password.', {
    timeout: signInTimeout,
  });
  // A password sign-in remembers the browser too (as another browser of the shopper would be).
  await page.context().clearCookies({ name: 'shop-storefront.device' });
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/, { timeout: signInTimeout });
  await expect(accountMenu(page)).toContainText('Robin');
  expect(await deviceCookie()).toMatchObject({ httpOnly: true, path: '/api/auth' });
});

test('signing up with an email that is already registered says so next to the email', async ({
  page,
}) => {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Sam Again');
  await page.getByLabel('Email', { exact: true }).fill('shopper@example.com');
  await page.getByLabel('Password').fill(strongPassword());
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/already exists/)).toBeVisible();
});

test('signing in from a page comes back to it, and never to another site', async ({ page }) => {
  const email = uniqueEmail('return');
  const password = strongPassword();
  await signUpShopper(page, { name: 'Ray Return', email, password });
  await signOutOfStorefront(page);

  await page.goto('/account/preferences');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fpreferences/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account\/preferences$/, { timeout: signInTimeout });
  await expect(page.getByLabel('Currency')).toBeVisible();

  await signOutOfStorefront(page);
  await page.goto('/sign-in?callbackUrl=//evil.example/steal');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/account$/, {
    timeout: signInTimeout,
  });
});

test('a shopper adds an address, fixes a wrong postcode, then edits it', async ({ page }) => {
  await signUpShopper(page, {
    name: 'Ada Address',
    email: uniqueEmail('address'),
    password: strongPassword(),
  });
  await page.goto('/account/addresses');
  await page.getByRole('button', { name: 'Add an address' }).first().click();

  const form = page.getByRole('form', { name: 'New address' });
  await form.getByLabel('Full name').fill('Ada Address');
  await form.getByLabel('Address line 1').fill('1 Analytical Row');
  await form.getByLabel('Town or city').fill('London');
  await form.getByLabel('Country').selectOption({ label: 'United Kingdom' });
  await expect(form.getByText(/For example/)).toBeVisible();
  await form.getByLabel('Postcode').fill('12345-6789');
  await form.getByRole('button', { name: 'Add address' }).click();
  await expect(form.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Postcode').fill('sw1a 1aa');
  await form.getByRole('button', { name: 'Add address' }).click();
  const card = page.getByTestId('address-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('1 Analytical Row');
  await expect(card).toContainText('SW1A 1AA');
  // The first address becomes the default for both.
  await expect(card).toContainText('Default shipping');

  await card.getByRole('button', { name: /^Edit/ }).click();
  const edit = page.getByRole('form', { name: /Edit address/ });
  await edit.getByLabel('Town or city').fill('Cambridge');
  await edit.getByLabel('Postcode').fill('CB2 1TN');
  await edit.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByTestId('form-success')).toContainText('Address saved.');
  await expect(card).toContainText('Cambridge');
  await expect(card).toContainText('CB2 1TN');

  // What the page shows is what the user cell keeps: it is still there after a reload.
  await page.reload();
  await expect(page.getByTestId('address-card')).toContainText('Cambridge');
});

test('a forgotten password is reset through the emailed link', async ({
  page,
  request,
  browser,
  cspViolations,
}) => {
  const email = uniqueEmail('reset');
  const oldPassword = strongPassword();
  const newPassword = strongPassword();
  await signUpShopper(page, { name: 'Rosa Reset', email, password: oldPassword });
  await signOutOfStorefront(page);
  await clearEmailsTo(request, email);

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
  ).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByTestId('form-success')).toContainText('If an account exists');

  const resetEmail = await waitForEmail(request, email, /password/i);
  const link = new URL(linkIn(resetEmail, '/reset-password'));
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByTestId('form-success')).toContainText('Your password has been changed');

  // The link works once.
  const secondBrowser = await browser.newContext({ baseURL: new URL(page.url()).origin });
  await watchForCspViolations(secondBrowser, cspViolations);
  const second = await secondBrowser.newPage();
  await second.goto(`${link.pathname}${link.search}`);
  await second.getByLabel('New password').fill(strongPassword());
  await second.getByRole('button', { name: 'Set new password' }).click();
  await expect(second.getByTestId('form-error')).toContainText('not valid any more');
  await secondBrowser.close();

  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await signIn(page, email, oldPassword);
  await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong email or password.', {
    timeout: signInTimeout,
  });
  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/account$/, { timeout: signInTimeout });
});
