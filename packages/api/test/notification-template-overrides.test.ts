import { randomBytes } from 'node:crypto';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { bearer, queryUrl, request } from './support/http';
import { signInDemoAccounts, type SignedIn } from './support/login';

// Template wording staff set in the admin, over HTTP: previewed with sample data, stored per
// language, used by a real send (SMTP capture) with the order lines and footer intact, refused
// with 400 when it is not plain text with http(s) links, audited, and reset.

let capture: MailCapture;
let platform: HostWithExecutor;
let staff: Record<'admin' | 'support', SignedIn>;

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  isolateTestDatabases();
  // A small catalogue: the file needs the demo staff, not the products.
  await seedDemoData({ productCount: 60 });
  // The product cell too: each `order.confirmed` also starts the campaigns' purchase projection,
  // which asks it for the SKUs' categories; without it that run failed and retried five times
  // (about 3 s) before the confirmation's runs had all ended.
  platform = await startHostWithExecutor(['auth', 'notification', 'product'], {
    env: { SMTP_URL: capture.smtpUrl, STOREFRONT_PUBLIC_URL: 'http://shop.test' },
  });
  staff = await signInDemoAccounts(platform.host.url, ['admin', 'support']);
});
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

const query = (who: SignedIn, path: string, input?: unknown) =>
  request(queryUrl(platform.host.url, `notification.${path}`, input), {
    headers: bearer(who.token),
  });
const mutate = (who: SignedIn, path: string, input: unknown) =>
  request(`${platform.host.url}/trpc/notification.${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(who.token) },
    body: JSON.stringify(input),
  });
const data = <T>(response: { json: unknown }) =>
  (response.json as { result: { data: T } }).result.data;

interface Preview {
  subject: string;
  html: string;
  text: string;
  subjectOverride: string | null;
  blocks: { key: string; defaultText: string; override: string | null }[];
}

async function inbox(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

/** An order confirmation for a new address, through the executor and the real send path. */
async function confirmAnOrder() {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  const order = {
    orderId: hex(12),
    number: `SO-${hex(3).toUpperCase()}`,
    accountId: hex(12),
    email: `buyer-${hex(4)}@example.com`,
    name: 'Ada Lovelace',
    lines: [
      {
        sku: 'LINEN-BLUE-M',
        name: 'Linen Shirt',
        variantLabel: 'Blue / M',
        quantity: 2,
        unitPriceMinor: 3_900,
        lineTotalMinor: 7_800,
      },
    ],
    subtotalMinor: 7_800,
    discountMinor: 0,
    shippingMinor: 495,
    taxMinor: 1_437,
    totalMinor: 8_295,
    pricesIncludeTax: true,
    currency: 'EUR',
    shippingMethod: 'Standard',
    paymentMethod: 'card',
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '12 Harbour Road',
      line2: '',
      city: 'Dublin',
      region: '',
      postcode: 'D02 X285',
      country: 'IE',
    },
    placedAt: new Date().toISOString(),
  };
  await runsEnded(
    platform.executor,
    await sendToExecutor(platform.executor, 'order/order.confirmed', order),
  );
  const [email] = await inbox(order.email);
  return { order, email: email! };
}

describe('template previews', () => {
  it('renders every template with sample data in HTML and text, for notifications:send only', async () => {
    const templates = data<{ id: string }[]>(await query(staff.admin, 'listTemplates'));
    expect(templates.map((template) => template.id)).toContain('order-confirmed');
    for (const { id } of templates) {
      const preview = await query(staff.admin, 'previewTemplate', { template: id, language: 'en' });
      expect(preview.status, id).toBe(200);
      const { html, text, subject } = data<Preview>(preview);
      expect(html, id).toMatch(/^<!DOCTYPE html/);
      expect(text.length, id).toBeGreaterThan(50);
      expect(subject.length, id).toBeGreaterThan(5);
    }
    expect(
      (await query(staff.support, 'previewTemplate', { template: 'welcome', language: 'en' }))
        .status,
    ).toBe(403);
    expect(
      (await query(staff.admin, 'previewTemplate', { template: 'nope', language: 'en' })).status,
    ).toBe(400);
    expect(
      (await query(staff.admin, 'previewTemplate', { template: 'welcome', language: 'xx' })).status,
    ).toBe(400);
  });
});

describe('template wording', () => {
  const wording = {
    template: 'order-confirmed',
    language: 'en',
    subject: 'Your order {{number}} is confirmed, {{name}}',
    blocks: {
      heading: 'Thanks a million',
      closing: 'Questions? See https://help.shop.test/orders any time.',
    },
  };

  it('is used by a real send, with the order lines, totals and legal footer left as they are', async () => {
    const saved = await mutate(staff.admin, 'saveTemplateOverride', wording);
    expect(saved.status).toBe(200);
    expect(data<Preview>(saved)).toMatchObject({
      subject: 'Your order SO-SAMPLE-1 is confirmed, Ada',
      subjectOverride: wording.subject,
    });

    const { order, email } = await confirmAnOrder();
    expect(email.subject).toBe(`Your order ${order.number} is confirmed, Ada Lovelace`);
    expect(email.text).toContain('Thanks a million'.toUpperCase()); // headings in capitals
    expect(email.text).toContain('Questions? See https://help.shop.test/orders any time.');
    expect(email.text).not.toContain('We will email you again');
    // The fixed parts: the lines, the total, the link to the order and the footer.
    expect(email.text).toMatch(/Linen Shirt\s+€78\.00/);
    expect(email.text).toMatch(/Total\s+€82\.95/);
    expect(email.text).toContain(`/account/orders/${order.orderId}`);
    expect(email.text).toContain('it is not marketing');

    // Another language's wording does not change the shop's default emails.
    expect(
      (
        await mutate(staff.admin, 'saveTemplateOverride', {
          ...wording,
          language: 'de',
          subject: 'Bestellung {{number}} bestätigt',
        })
      ).status,
    ).toBe(200);
    const second = await confirmAnOrder();
    expect(second.email.subject).toBe(
      `Your order ${second.order.number} is confirmed, Ada Lovelace`,
    );

    // Reset: back to the template's own text, and the next email says so.
    const reset = await mutate(staff.admin, 'resetTemplateOverride', {
      template: 'order-confirmed',
      language: 'en',
    });
    expect(reset.status).toBe(200);
    expect(data<Preview>(reset)).toMatchObject({
      subject: 'Order SO-SAMPLE-1 confirmed',
      subjectOverride: null,
    });
    const third = await confirmAnOrder();
    expect(third.email.subject).toBe(`Order ${third.order.number} confirmed`);
    expect(third.email.text).toContain('We will email you again');

    const audit = data<{ items: { procedure: string; object: { ids: string[] } }[] }>(
      await query(staff.admin, 'auditLog', { objectId: 'order-confirmed:en' }),
    );
    expect(audit.items.map((entry) => entry.procedure)).toEqual([
      'notification.resetTemplateOverride',
      'notification.saveTemplateOverride',
    ]);
  });

  it.each([
    ['HTML', { subject: 'Order <b>{{number}}</b>' }],
    ['a javascript: link', { blocks: { closing: 'Click javascript:alert(1)' } }],
    ['a non-http link', { blocks: { closing: 'See ftp://files.shop.test/x' } }],
    ['a block that is not editable', { blocks: { lines: 'Free stuff' } }],
    ['an unknown variable', { subject: 'Order {{password}}' }],
    ['a bidi control', { subject: 'Order \u202Edelbat' }],
    ['an unknown language', { language: 'xx' }],
  ])('refuses %s with 400 and stores nothing', async (_, change) => {
    const response = await mutate(staff.admin, 'saveTemplateOverride', {
      template: 'order-confirmed',
      language: 'fr',
      ...change,
    });
    expect(response.status).toBe(400);
    const preview = data<Preview>(
      await query(staff.admin, 'previewTemplate', { template: 'order-confirmed', language: 'fr' }),
    );
    expect(preview.subjectOverride).toBeNull();
  });

  it('is changed by notifications:send only', async () => {
    expect((await mutate(staff.support, 'saveTemplateOverride', wording)).status).toBe(403);
  });
});
