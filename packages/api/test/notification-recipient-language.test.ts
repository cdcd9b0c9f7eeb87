import { randomBytes } from 'node:crypto';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestRunOf, runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { signInDemoAccounts, type SignedIn } from './support/login';

// The language a shopper picks in their account reaches the notification cell by event, and
// their emails use staff's wording in that language; others keep the shop's default, a late
// older event does not undo a newer choice, and deleting the account forgets it.

let capture: MailCapture;
let platform: HostWithExecutor;
let people: Record<'admin' | 'shopper', SignedIn>;
let shopperAccountId: string;

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  isolateTestDatabases();
  // A small catalogue: the file needs the demo accounts; the purchase projection finds no
  // product for its SKUs in either catalogue.
  await seedDemoData({ productCount: 60 });
  // The product cell too: each `order.confirmed` also starts the campaigns' purchase projection,
  // which asks it for the SKUs' categories; without it that run failed and retried five times
  // (about 3 s) before the confirmation's runs had all ended.
  platform = await startHostWithExecutor(['auth', 'user', 'notification', 'product'], {
    env: { SMTP_URL: capture.smtpUrl, STOREFRONT_PUBLIC_URL: 'http://shop.test' },
  });
  people = await signInDemoAccounts(platform.host.url, ['admin', 'shopper']);
  shopperAccountId = (await people.shopper.client.user.getProfile.query()).accountId;
  await people.admin.client.notification.saveTemplateOverride.mutate({
    template: 'order-confirmed',
    language: 'de',
    subject: 'Bestellung {{number}} ist bestätigt',
    blocks: {},
  });
});
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

async function inbox(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

/** An order confirmation for the account, through the executor and the real send path. */
async function confirmationSubject(accountId: string): Promise<string> {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  const order = {
    orderId: hex(12),
    number: `SO-${hex(3).toUpperCase()}`,
    accountId,
    email: `buyer-${hex(4)}@example.com`,
    name: 'Grete Weber',
    lines: [
      {
        sku: 'LINEN-BLUE-M',
        name: 'Linen Shirt',
        variantLabel: 'Blue / M',
        quantity: 1,
        unitPriceMinor: 3_900,
        lineTotalMinor: 3_900,
      },
    ],
    subtotalMinor: 3_900,
    discountMinor: 0,
    shippingMinor: 495,
    taxMinor: 700,
    totalMinor: 4_395,
    pricesIncludeTax: true,
    currency: 'EUR',
    shippingMethod: 'Standard',
    paymentMethod: 'card',
    shippingAddress: {
      name: 'Grete Weber',
      line1: 'Hafenstraße 1',
      line2: '',
      city: 'Hamburg',
      region: '',
      postcode: '20457',
      country: 'DE',
    },
    placedAt: new Date().toISOString(),
  };
  await runsEnded(
    platform.executor,
    await sendToExecutor(platform.executor, 'order/order.confirmed', order),
  );
  const [email] = await inbox(order.email);
  return email!.subject;
}

async function languageRemembered(accountId: string, changedAt?: string) {
  await waitFor(
    async () => {
      const run = await latestRunOf(
        platform.executor,
        'remember-recipient-language',
        (data) => data.accountId === accountId && (!changedAt || data.changedAt === changedAt),
      );
      return run?.status === 'Completed';
    },
    { what: `the language of ${accountId} to be remembered` },
  );
}

describe('the shopper’s email language', () => {
  it('writes their emails in the language they chose, and others in the shop’s', async () => {
    expect(await confirmationSubject(shopperAccountId)).toMatch(/^Order SO-\w+ confirmed$/);

    const profile = await people.shopper.client.user.updatePreferences.mutate({ language: 'de' });
    expect(profile.preferences.language).toBe('de');
    await languageRemembered(shopperAccountId);

    expect(await confirmationSubject(shopperAccountId)).toMatch(
      /^Bestellung SO-\w+ ist bestätigt$/,
    );
    // Another account, and an order with no account: the shop's default wording.
    expect(await confirmationSubject(randomBytes(12).toString('hex'))).toMatch(
      /^Order SO-\w+ confirmed$/,
    );
  });

  it('is not undone by a late event older than the choice', async () => {
    await people.shopper.client.user.updatePreferences.mutate({ language: 'de' });
    await languageRemembered(shopperAccountId);
    const stale = new Date(Date.now() - 60 * 60_000).toISOString();
    await runsEnded(
      platform.executor,
      await sendToExecutor(platform.executor, 'user/language.chosen', {
        accountId: shopperAccountId,
        language: 'en',
        changedAt: stale,
      }),
    );
    expect(await confirmationSubject(shopperAccountId)).toMatch(
      /^Bestellung SO-\w+ ist bestätigt$/,
    );
  });

  it('is forgotten when the account is deleted', async () => {
    const accountId = randomBytes(12).toString('hex');
    await runsEnded(
      platform.executor,
      await sendToExecutor(platform.executor, 'user/language.chosen', {
        accountId,
        language: 'de',
        changedAt: new Date().toISOString(),
      }),
    );
    expect(await confirmationSubject(accountId)).toMatch(/^Bestellung/);
    const erased = await runsEnded(
      platform.executor,
      await sendToExecutor(platform.executor, 'auth/account.deleted', {
        accountId,
        email: `gone-${accountId}@example.com`,
      }),
      2, // the user cell's erase runs too
    );
    const notificationRun = erased.find((run) => run.function_id.includes('notification'));
    expect(notificationRun?.output).toMatchObject({ languagesDeleted: 1 });
    expect(await confirmationSubject(accountId)).toMatch(/^Order SO-\w+ confirmed$/);
  });
});
