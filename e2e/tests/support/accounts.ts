import { expect, type Page } from '@playwright/test';

/** How long a sign-in or sign-up may take (bcrypt, and the pages it lands on, on a busy CI box). */
export const signInTimeout = 20_000;

/** The seeded demo accounts (packages/db/src/seed/demo-accounts.ts). */
export const demoPassword = 'demo-password-1';

/**
 * An email no earlier run has registered (the database may persist between runs); `.test` is
 * reserved and never delivers anywhere real.
 */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@shop-e2e.test`;
}

/** A password that passes the auth cell's policy (long enough, not common, not the email). */
export function strongPassword(): string {
  return `violet-harbour-${Math.floor(Math.random() * 1e9)}`;
}

/** Creates a storefront account through the sign-up page; the browser ends up signed in. */
export async function signUpShopper(
  page: Page,
  { name, email, password }: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // bcrypt on a busy 2-core machine: signing up may take a few seconds.
  await expect(page).toHaveURL(/\/account$/, { timeout: signInTimeout });
  await expect(accountMenu(page)).toContainText(name.split(' ')[0]!);
}

/** Signs in on the page's app (storefront or admin) through its sign-in form. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The storefront header's account menu (only there when signed in). */
export function accountMenu(page: Page) {
  return page.getByTestId('account-menu');
}

/** Opens the header's account menu and signs out; the header then offers "Sign in". */
export async function signOutOfStorefront(page: Page): Promise<void> {
  await accountMenu(page).locator('summary').click();
  await accountMenu(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible({
    timeout: signInTimeout,
  });
}

/** Signs a staff member into the admin from its sign-in page, landing on the dashboard. */
export async function signInToAdmin(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await signIn(page, email, demoPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({
    timeout: signInTimeout,
  });
}
