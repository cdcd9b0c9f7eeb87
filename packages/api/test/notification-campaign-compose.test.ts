import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases } from '@shop/db/testing';
import { startMailCapture, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignCalls,
  campaignContent,
  capturedTo,
  confirmedSubscribers,
  dataOf,
  notificationModelsForTest,
  uniqueEmail,
  waitForCaptured,
} from './support/campaign-fixtures';
import { runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { signInDemoAccounts, type SignedIn } from './support/login';

// Campaigns (issue 18), composing side, over HTTP against a host with the auth, notification and
// product cells: who may use them, what content is refused or escaped, the preview, the test
// send, and the audiences (each segment; consent and suppression always apply; never a list of
// addresses from the client).

let capture: MailCapture;
let platform: HostWithExecutor;
let staff: Record<'admin' | 'support' | 'shopper', SignedIn>;
let calls: ReturnType<typeof campaignCalls>;
const storefrontUrl = 'http://shop.test';

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  isolateTestDatabases();
  // A small catalogue: the previews and the purchase projection need a few products with
  // categories, not 2,000.
  await seedDemoData({ productCount: 60 });
  platform = await startHostWithExecutor(['auth', 'notification', 'product'], {
    env: {
      SMTP_URL: capture.smtpUrl,
      STOREFRONT_PUBLIC_URL: storefrontUrl,
      MAIL_LINK_SECRET: 'mail-link-test-secret-0123456789abcdef',
    },
  });
  staff = await signInDemoAccounts(platform.host.url, ['admin', 'support', 'shopper']);
  calls = campaignCalls(platform.host.url);
}, 120_000);
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

const errorMessage = (json: unknown) => JSON.stringify(json);

describe('who may use campaigns', () => {
  it('answers 403 to a shopper and to a staff role without notifications:send, 401 to nobody', async () => {
    for (const who of [staff.shopper, staff.support]) {
      expect((await calls.call('createCampaign', campaignContent(), who)).status).toBe(403);
      expect((await calls.read('listCampaigns', {}, who)).status).toBe(403);
      expect((await calls.read('audienceSize', { audience: { kind: 'all' } }, who)).status).toBe(
        403,
      );
    }
    expect((await calls.call('createCampaign', campaignContent())).status).toBe(401);
    const { Campaign } = await notificationModelsForTest();
    expect(await Campaign.countDocuments({ createdBy: { $ne: null } })).toBe(0);
  });
});

describe('creating a draft', () => {
  it('makes one draft however often the same create is retried, and refuses the key for other content', async () => {
    const content = campaignContent({ name: `Retried ${Date.now()}` });
    const answers = await Promise.all(
      [0, 1, 2].map(() => calls.call('createCampaign', content, staff.admin)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const ids = new Set(answers.map((answer) => dataOf<{ id: string }>(answer).id));
    expect(ids.size).toBe(1);
    const again = await calls.call('createCampaign', content, staff.admin);
    expect(dataOf<{ id: string }>(again).id).toBe([...ids][0]);
    const { Campaign } = await notificationModelsForTest();
    expect(await Campaign.countDocuments({ name: content.name })).toBe(1);

    // The same key with other content is not a retry: 409, and nothing new is stored.
    const changed = await calls.call(
      'createCampaign',
      { ...content, subject: 'Something else' },
      staff.admin,
    );
    expect(changed.status).toBe(409);
    expect(errorMessage(changed.json)).toContain('idempotency key');
    // Without a key there is no create at all.
    const keyless = await calls.call(
      'createCampaign',
      { ...content, idempotencyKey: undefined },
      staff.admin,
    );
    expect(keyless.status).toBe(400);
    expect(errorMessage(keyless.json)).toContain('idempotencyKey');
    expect(await Campaign.countDocuments({ name: content.name })).toBe(1);
  });
});

describe('content is checked and escaped', () => {
  it('refuses javascript:, data: and relative links and http images with a 400 naming the field', async () => {
    const bad = [
      { type: 'button', label: 'Go', href: 'javascript:alert(1)' },
      { type: 'button', label: 'Go', href: 'data:text/html,<b>x</b>' },
      { type: 'button', label: 'Go', href: '/relative' },
      { type: 'image', url: 'http://cdn.test/a.png', alt: 'A jumper' },
      { type: 'image', url: 'https://cdn.test/a.png', alt: 'A jumper', href: 'JavaScript:x' },
      { type: 'image', url: 'https://cdn.test/a.png', alt: '' },
      { type: 'products', productIds: [] },
      { type: 'html', html: '<script>alert(1)</script>' },
    ];
    for (const block of bad) {
      const response = await calls.call(
        'createCampaign',
        campaignContent({ blocks: [block] }),
        staff.admin,
      );
      expect(response.status, JSON.stringify(block)).toBe(400);
    }
    const tooMany = Array.from({ length: 31 }, () => ({ type: 'text', text: 'x' }));
    const response = await calls.call(
      'createCampaign',
      campaignContent({ blocks: tooMany }),
      staff.admin,
    );
    expect(response.status).toBe(400);
    expect(errorMessage(response.json)).toContain('at most 30 blocks');
  });

  it('shows HTML typed into a text block as text, never as markup, in the preview', async () => {
    const response = await calls.call(
      'previewCampaign',
      {
        subject: 'Hello <b>there</b>',
        language: 'en',
        blocks: [
          { type: 'text', text: '<script>alert("x")</script> <img src=x onerror=alert(1)>' },
          { type: 'heading', text: '<h1>Big</h1>', level: 2 },
        ],
      },
      staff.admin,
    );
    expect(response.status).toBe(200);
    const { html, text, subject } = dataOf<{ html: string; text: string; subject: string }>(
      response,
    );
    expect(subject).toBe('Hello <b>there</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
    expect(text).toContain('<script>alert("x")</script>');
  });
});

describe('preview', () => {
  it('renders unsaved blocks with product cards from the catalogue, the legal footer and an unsubscribe link', async () => {
    const { connectDomainDatabase } = await import('@shop/db');
    const { productModel } = await import('@shop/db/product');
    const Product = productModel(await connectDomainDatabase('product'));
    const [product] = await Product.find({ status: 'active' }).limit(1).lean();
    const response = await calls.call(
      'previewCampaign',
      {
        subject: 'New in',
        preheader: 'Fresh arrivals',
        language: 'en',
        blocks: [
          { type: 'heading', text: 'New in', level: 1 },
          { type: 'products', productIds: [product!._id.toString()] },
          {
            type: 'image',
            url: 'https://cdn.test/banner.png',
            alt: 'Our shop window',
            href: 'https://shop.test/new',
          },
          { type: 'button', label: 'See everything new', href: 'https://shop.test/new' },
        ],
      },
      staff.admin,
    );
    expect(response.status).toBe(200);
    const { html, text } = dataOf<{ html: string; text: string }>(response);
    expect(html).toContain(product!.name);
    expect(html).toContain(`${storefrontUrl}/products/${product!.slug}`);
    expect(html).toContain('alt="Our shop window"');
    expect(html).toContain('Fresh arrivals');
    expect(text).toContain('See everything new');
    expect(text).toContain('Unsubscribe');
    expect(text).toContain('You get this email because you agreed to hear from us.');
  });
});

describe('a long campaign', () => {
  it('previews content far longer than a URL can carry (a POST body, not a query string)', async () => {
    // 30 blocks of about 4,900 characters: ~150,000 characters, far past the ~8,000 a URL holds.
    const paragraph = (n: number) =>
      `Paragraph ${n}: ${'Wool, linen and cotton for every season of the year. '.repeat(90)}`;
    const blocks = Array.from({ length: 30 }, (_, at) => ({ type: 'text', text: paragraph(at) }));
    blocks[29] = { type: 'text', text: 'The very last paragraph of a long letter.' };
    const input = { subject: 'A long letter', language: 'en', blocks };
    expect(JSON.stringify(input).length).toBeGreaterThan(100_000);
    const response = await calls.call('previewCampaign', input, staff.admin);
    expect(response.status).toBe(200);
    const { html, text } = dataOf<{ html: string; text: string }>(response);
    expect(text).toContain('Paragraph 28: Wool, linen and cotton');
    expect(text).toContain('The very last paragraph of a long letter.');
    expect(html).toContain('The very last paragraph of a long letter.');
  });

  it('is not offered as a query any more (the URL form that failed with 431)', async () => {
    const asQuery = await calls.read(
      'previewCampaign',
      { subject: 'Short', language: 'en', blocks: [{ type: 'text', text: 'Hi' }] },
      staff.admin,
    );
    expect(asQuery.status).toBe(405);
  });
});

describe('test send', () => {
  it('goes to the signed-in staff member only, marked as a test, whatever the input names', async () => {
    const created = dataOf<{ id: string }>(
      await calls.call('createCampaign', campaignContent({ name: 'Test me' }), staff.admin),
    );
    // An address in the input is refused (strict input), so no one else can be reached.
    const withAddress = await calls.call(
      'sendCampaignTest',
      { id: created.id, to: 'victim@example.com' },
      staff.admin,
    );
    expect(withAddress.status).toBe(400);

    const sent = await calls.call('sendCampaignTest', { id: created.id }, staff.admin);
    expect(sent.status).toBe(200);
    expect(dataOf(sent)).toEqual({ sentTo: 'admin@example.com' });
    const [email] = await waitForCaptured(capture, 'admin@example.com', 1);
    expect(email!.subject).toBe('[Test] Winter sale: 20 % off knitwear');
    expect(email!.text).toContain('Test send: only you got this.');
    expect(await capturedTo(capture, 'victim@example.com')).toEqual([]);
    // Nothing of the real campaign was sent or started.
    const view = dataOf<{ status: string; lastTestSentAt: string | null }>(
      await calls.read('getCampaign', { id: created.id }, staff.admin),
    );
    expect(view.status).toBe('draft');
    expect(view.lastTestSentAt).not.toBeNull();
  });
});

describe('the message centre knows the campaign templates', () => {
  it('lists and previews them with sample content, filters messages by them, and offers no rewording', async () => {
    const templates = dataOf<{ id: string; kind: string; rewordable: boolean }[]>(
      await calls.read('listTemplates', undefined, staff.admin),
    );
    expect(templates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'campaign', kind: 'marketing', rewordable: false }),
        expect.objectContaining({ id: 'campaign-test', kind: 'transactional', rewordable: false }),
      ]),
    );
    expect(dataOf<string[]>(await calls.read('templateIds', undefined, staff.admin))).toEqual(
      expect.arrayContaining(['campaign', 'campaign-test']),
    );

    const preview = dataOf<{ subject: string; html: string; text: string }>(
      await calls.read('previewTemplate', { template: 'campaign', language: 'en' }, staff.admin),
    );
    expect(preview.subject).toBe('Winter sale: 20 % off knitwear');
    expect(preview.html).toContain('Linen Shirt');
    expect(preview.text).toContain('Shop the sale');
    const testPreview = dataOf<{ subject: string; text: string }>(
      await calls.read(
        'previewTemplate',
        { template: 'campaign-test', language: 'en' },
        staff.admin,
      ),
    );
    expect(testPreview.subject).toBe('[Test] Winter sale: 20 % off knitwear');
    expect(testPreview.text).toContain('Test send: only you got this.');

    // A stored subject would replace every campaign's own: refused, naming why.
    const reworded = await calls.call(
      'saveTemplateOverride',
      { template: 'campaign', language: 'en', subject: 'Hello' },
      staff.admin,
    );
    expect(reworded.status).toBe(400);
    expect(errorMessage(reworded.json)).toContain('written in each campaign');

    // A test send shows under its template in the message list.
    const name = `Listed ${Date.now()}`;
    const created = dataOf<{ id: string }>(
      await calls.call('createCampaign', campaignContent({ name }), staff.admin),
    );
    expect((await calls.call('sendCampaignTest', { id: created.id }, staff.admin)).status).toBe(
      200,
    );
    const listed = dataOf<{ items: { template: string; to: string }[] }>(
      await calls.read('listMessages', { template: 'campaign-test' }, staff.admin),
    );
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((message) => message.template === 'campaign-test')).toBe(true);
    expect(listed.items.map((message) => message.to)).toContain('admin@example.com');
  });
});

describe('audiences', () => {
  it('counts confirmed, unsuppressed subscribers in each segment, from the purchase projection', async () => {
    const { Subscriber, Suppression, CustomerPurchase } = await notificationModelsForTest();
    // Only this test's subscribers: the seed and earlier tests may have added some.
    const before = dataOf<{ count: number }>(
      await calls.read('audienceSize', { audience: { kind: 'all' } }, staff.admin),
    ).count;

    const knitBuyer = uniqueEmail('knit');
    const bigSpender = uniqueEmail('big');
    const lapsed = uniqueEmail('lapsed');
    const suppressedBuyer = uniqueEmail('bounced');
    const pendingBuyer = uniqueEmail('pending');
    await confirmedSubscribers([knitBuyer, bigSpender, lapsed, suppressedBuyer]);
    await Subscriber.create({
      email: pendingBuyer,
      status: 'pending',
      changedAt: new Date(),
      source: 'footer',
    });
    await Suppression.create({
      email: suppressedBuyer,
      reason: 'hard-bounce',
      source: 'smtp',
      suppressedAt: new Date(),
    });
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await CustomerPurchase.insertMany([
      {
        email: knitBuyer,
        lastOrderAt: daysAgo(2),
        orderCount: 1,
        lifetimeValue: { EUR: 5_000 },
        categorySlugs: ['test-knitwear', 'test-clothing'],
      },
      {
        email: bigSpender,
        lastOrderAt: daysAgo(10),
        orderCount: 3,
        lifetimeValue: { EUR: 90_000 },
        categorySlugs: ['test-shoes'],
      },
      {
        email: lapsed,
        lastOrderAt: daysAgo(200),
        orderCount: 1,
        lifetimeValue: { USD: 90_000 },
        categorySlugs: ['test-knitwear'],
      },
      {
        email: suppressedBuyer,
        lastOrderAt: daysAgo(300),
        orderCount: 1,
        lifetimeValue: { EUR: 99_000 },
        categorySlugs: ['test-knitwear'],
      },
      {
        email: pendingBuyer,
        lastOrderAt: daysAgo(300),
        orderCount: 1,
        lifetimeValue: { EUR: 99_000 },
        categorySlugs: ['test-knitwear'],
      },
    ]);

    const size = async (audience: unknown) =>
      dataOf<{ count: number }>(await calls.read('audienceSize', { audience }, staff.admin)).count;
    expect(await size({ kind: 'all' })).toBe(before + 3);
    expect(await size({ kind: 'boughtFromCategory', categoryId: 'test-knitwear' })).toBe(2);
    expect(await size({ kind: 'boughtFromCategory', categoryId: 'test-clothing' })).toBe(1);
    expect(await size({ kind: 'noOrderInDays', days: 90 })).toBe(1);
    expect(await size({ kind: 'lifetimeValueAbove', amount: 50_000, currency: 'EUR' })).toBe(1);
    expect(await size({ kind: 'lifetimeValueAbove', amount: 4_999, currency: 'eur' })).toBe(2);

    // A list of addresses is not an audience.
    const listed = await calls.read(
      'audienceSize',
      { audience: { kind: 'all', emails: ['someone@example.com'] } },
      staff.admin,
    );
    expect(listed.status).toBe(400);
    const unknownKind = await calls.read(
      'audienceSize',
      { audience: { kind: 'emails', emails: ['someone@example.com'] } },
      staff.admin,
    );
    expect(unknownKind.status).toBe(400);
  });
});

describe('the purchase projection behind the segments', () => {
  it('is built by the seed for the demo orders, so segments work on a fresh database', async () => {
    const { CustomerPurchase } = await notificationModelsForTest();
    const shopper = await CustomerPurchase.findOne({ email: 'shopper@example.com' }).lean();
    expect(shopper).not.toBeNull();
    expect(shopper!.orderCount).toBeGreaterThan(0);
    expect(shopper!.categorySlugs.length).toBeGreaterThan(0);
    // lean() gives the Map as a plain object: currency -> minor units.
    expect(Object.keys(shopper!.lifetimeValue as unknown as Record<string, number>)).not.toEqual(
      [],
    );
  });

  it('counts a paid order from its order.confirmed event once, with its categories and parents', async () => {
    const { connectDomainDatabase } = await import('@shop/db');
    const { productModels } = await import('@shop/db/product');
    const catalog = productModels(await connectDomainDatabase('product'));
    const product = await catalog.Product.findOne(
      { status: 'active', 'categorySlugs.0': { $exists: true } },
      { variants: 1, categorySlugs: 1 },
    ).lean();
    const sku = (product as unknown as { variants: { sku: string }[] }).variants[0]!.sku;
    const category = await catalog.Category.findOne({ slug: product!.categorySlugs[0] }).lean();
    const email = uniqueEmail('buyer');
    const data = {
      orderId: 'a'.repeat(24),
      number: `T-${Date.now()}`,
      email,
      name: 'Test Buyer',
      lines: [
        {
          sku,
          name: 'Thing',
          variantLabel: '',
          quantity: 1,
          unitPriceMinor: 4_200,
          lineTotalMinor: 4_200,
        },
      ],
      subtotalMinor: 4_200,
      discountMinor: 0,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor: 4_200,
      currency: 'EUR',
      shippingMethod: 'standard',
      paymentMethod: 'card',
      shippingAddress: {
        name: 'Test Buyer',
        line1: '1 Street',
        line2: '',
        city: 'Town',
        region: '',
        postcode: '1000',
        country: 'NL',
      },
      placedAt: new Date().toISOString(),
    };
    // Delivered twice (a redelivery): counted once.
    for (let delivery = 0; delivery < 2; delivery += 1) {
      const eventId = await sendToExecutor(platform.executor, 'order/order.confirmed', data);
      const runs = await runsEnded(platform.executor, eventId, 1);
      expect(runs.find((run) => run.function_id.endsWith('record-customer-purchase'))?.status).toBe(
        'Completed',
      );
    }
    const { CustomerPurchase } = await notificationModelsForTest();
    const row = await CustomerPurchase.findOne({ email }).lean();
    expect(row).toMatchObject({ orderCount: 1, orderNumbers: [data.number] });
    expect(row!.lifetimeValue as unknown as Record<string, number>).toEqual({ EUR: 4_200 });
    expect(row!.categorySlugs).toEqual(
      expect.arrayContaining([category!.slug, ...category!.ancestorSlugs]),
    );
  });
});
