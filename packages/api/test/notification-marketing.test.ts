import { randomBytes } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { notificationModels } from '@shop/db/notification';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestRunOf, runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { bearer, queryUrl, request, type RawResponse } from './support/http';
import { signInDemoAccounts, type SignedIn } from './support/login';

// Marketing mail end to end (issue 18), over HTTP against a host with the auth, notification and
// product cells, the local Inngest executor and the real SMTP capture: double opt-in, unsubscribe
// by header (one-click POST) and by link, suppression after a hard bounce or a provider's report,
// consent respected by every marketing send, back-in-stock and abandoned-cart timing.

let capture: MailCapture;
let platform: HostWithExecutor;
let staff: Record<'admin' | 'support' | 'shopper', SignedIn>;
const storefrontUrl = 'http://shop.test';
const mailEventsToken = 'mail-events-test-token-0123456789abcdef';
const wording = 'Email me about new products and offers, at most once a week.';

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  isolateTestDatabases();
  // A small catalogue: the file needs a few stocked SKUs, and every product and inventory lookup
  // scans its collection on the in-memory stand-in.
  await seedDemoData({ productCount: 60 });
  platform = await startHostWithExecutor(['auth', 'notification', 'product'], {
    env: {
      SMTP_URL: capture.smtpUrl,
      STOREFRONT_PUBLIC_URL: storefrontUrl,
      MAIL_LINK_SECRET: 'mail-link-test-secret-0123456789abcdef',
      MAIL_EVENTS_TOKEN: mailEventsToken,
      // Long enough to see the run waiting, short enough for a test.
      ABANDONED_CART_DELAY: '3s',
    },
  });
  staff = await signInDemoAccounts(platform.host.url, ['admin', 'support', 'shopper']);
  // Seeding, a host of three cells and three sign-ins: about 20 s alone, past 60 s in a full
  // clone run where every package tests at once.
}, 180_000);
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.com`;

async function inbox(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

async function waitForInbox(to: string, count: number): Promise<CapturedMessage[]> {
  return waitFor(
    async () => {
      const emails = await inbox(to);
      return emails.length >= count && emails;
    },
    { what: `${count} email(s) to ${to}` },
  );
}

const call = (path: string, input: unknown, who?: SignedIn): Promise<RawResponse> =>
  request(`${platform.host.url}/trpc/notification.${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who ? bearer(who.token) : {}) },
    body: JSON.stringify(input),
  });
const read = (path: string, input: unknown, who?: SignedIn): Promise<RawResponse> =>
  request(queryUrl(platform.host.url, `notification.${path}`, input), {
    headers: who ? bearer(who.token) : {},
  });
const data = <T>(response: RawResponse) => (response.json as { result: { data: T } }).result.data;

async function models() {
  return notificationModels(await connectDomainDatabase('notification'));
}

/** The token of the first link to `path` in an email's text. */
function linkToken(email: CapturedMessage, path: string): string {
  const link = email.text.match(new RegExp(`https?://\\S+${path}\\?token=[^\\s\\]]+`))?.[0];
  if (!link) throw new Error(`no ${path} link in: ${email.text}`);
  return new URL(link).searchParams.get('token')!;
}

/** Signs an address up from the footer and confirms it from the captured inbox. */
async function subscribed(email: string, { welcome = true } = {}): Promise<void> {
  expect((await call('subscribe', { email, source: 'footer', wording })).status).toBe(200);
  const [confirmation] = await waitForInbox(email, 1);
  const token = linkToken(confirmation!, '/newsletter/confirm');
  expect(data(await call('confirmSubscription', { token }))).toEqual({ outcome: 'confirmed' });
  // The welcome newsletter follows (unless suppressed); waiting for it keeps a later scripted
  // refusal for the send it is meant for.
  if (welcome) await waitForSubject(email, 'Welcome to the Shop newsletter');
}

async function waitForSubject(email: string, subject: string): Promise<CapturedMessage> {
  return waitFor(async () => (await inbox(email)).find((each) => each.subject === subject), {
    what: `"${subject}" to ${email}`,
  });
}

/** A marketing email (the abandoned-cart reminder's template) through the one send path. */
async function sendMarketing(email: string) {
  const { sendEmail } = await import('../src/cells/notification/send-email');
  return sendEmail({
    template: 'abandoned-cart',
    to: email,
    props: {
      lines: [{ name: 'Linen Shirt', quantity: 1, unitPriceMinor: 3_900 }],
      currency: 'EUR',
      restoreToken: 'x'.repeat(30),
    },
    dedupeKey: `marketing-test:${randomBytes(6).toString('hex')}`,
  });
}

describe('newsletter sign-up with double opt-in', () => {
  it('mails a signed confirmation link; nothing marketing goes out until it is followed; confirming twice is harmless', async () => {
    const email = uniqueEmail('optin');
    const asked = await call('subscribe', { email, source: 'footer', wording });
    expect(asked.status).toBe(200);
    expect(data(asked)).toEqual({ ok: true });

    const [confirmation] = await waitForInbox(email, 1);
    expect(confirmation!.subject).toBe('Confirm your subscription to the Shop newsletter');
    const token = linkToken(confirmation!, '/newsletter/confirm');
    // The link names nobody: no address in it, in any encoding.
    expect(token).not.toContain(email.split('@')[0]);
    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).not.toContain('@');

    const { Subscriber } = await models();
    expect(await Subscriber.findOne({ email }).lean()).toMatchObject({
      status: 'pending',
      source: 'footer',
      wording,
      accountId: null,
    });
    // Pending is not consent: a marketing email is skipped, nothing recorded or delivered.
    expect(await sendMarketing(email)).toEqual({ status: 'skipped', reason: 'no-consent' });

    expect(data(await call('confirmSubscription', { token }))).toEqual({ outcome: 'confirmed' });
    expect(data(await call('confirmSubscription', { token }))).toEqual({
      outcome: 'already-confirmed',
    });
    const after = await Subscriber.findOne({ email }).lean();
    expect(after).toMatchObject({ status: 'subscribed', source: 'footer', wording });
    expect(after!.confirmedAt).toBeInstanceOf(Date);
    expect(after!.history.map((change) => [change.status, change.source, change.wording])).toEqual([
      ['pending', 'footer', wording],
      ['subscribed', 'footer', wording],
    ]);

    const welcome = await waitForSubject(email, 'Welcome to the Shop newsletter');
    expect(welcome.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(await sendMarketing(email)).toMatchObject({ status: 'sent' });
    // The confirmation, one welcome and the one marketing email: confirming twice sent no more.
    expect((await inbox(email)).map((each) => each.subject).sort()).toEqual([
      'Confirm your subscription to the Shop newsletter',
      'Welcome to the Shop newsletter',
      'You left something in your cart',
    ]);
  });

  it('answers every address alike and mails one confirmation per 10 minutes', async () => {
    const email = uniqueEmail('repeat');
    await subscribed(email);
    // Already subscribed, and a second ask: same answer, no second email.
    const again = await call('subscribe', { email, source: 'checkout', wording });
    expect(data(again)).toEqual({ ok: true });

    const pending = uniqueEmail('pending');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await call('subscribe', { email: pending, source: 'footer', wording })).status).toBe(
        200,
      );
    }
    await waitForInbox(pending, 1);
    // The marker: a later sign-up's email has arrived, so the repeats above would have too.
    const marker = uniqueEmail('marker');
    await call('subscribe', { email: marker, source: 'footer', wording });
    await waitForInbox(marker, 1);
    expect(await inbox(pending)).toHaveLength(1);
    const confirmations = (await inbox(email)).filter((each) => each.subject.startsWith('Confirm'));
    expect(confirmations).toHaveLength(1);
  });

  it('refuses bad input with 400 and a forged or wrong-purpose token with 404', async () => {
    const bad = await call('subscribe', { email: 'not-an-email', source: 'footer', wording });
    expect(bad.status).toBe(400);
    expect(
      (await call('subscribe', { email: uniqueEmail('x'), source: 'admin', wording })).status,
    ).toBe(400);
    expect(
      (await call('subscribe', { email: uniqueEmail('x'), source: 'footer', wording: '' })).status,
    ).toBe(400);

    const forged = `${'a'.repeat(24)}.${'b'.repeat(22)}`;
    expect((await call('confirmSubscription', { token: forged })).status).toBe(404);
    expect((await call('unsubscribe', { token: forged })).status).toBe(404);
    // A real unsubscribe token does not confirm anything: the purpose is inside the signature.
    const { unsubscribeToken } = await import('../src/cells/notification/subscribers');
    const email = uniqueEmail('purpose');
    await call('subscribe', { email, source: 'footer', wording });
    const { Subscriber } = await models();
    const pending = await waitFor(() => Subscriber.findOne({ email }).lean(), { what: 'pending' });
    const wrongPurpose = unsubscribeToken(pending._id.toString());
    expect((await call('confirmSubscription', { token: wrongPurpose })).status).toBe(404);
    expect((await Subscriber.findOne({ email }).lean())!.status).toBe('pending');
  });

  it('lets a signed-in shopper subscribe (confirmed by email) and unsubscribe at once from the account page', async () => {
    const shopper = staff.shopper;
    expect(data(await read('myNewsletter', undefined, shopper))).toEqual({ status: 'none' });
    const on = await call('setMyNewsletter', { subscribed: true, wording }, shopper);
    expect(data(on)).toEqual({ status: 'pending' });
    const [confirmation] = await waitForInbox('shopper@example.com', 1);
    const token = linkToken(confirmation!, '/newsletter/confirm');
    await call('confirmSubscription', { token });
    await waitForSubject('shopper@example.com', 'Welcome to the Shop newsletter');
    expect(data(await read('myNewsletter', undefined, shopper))).toEqual({ status: 'subscribed' });
    const { Subscriber } = await models();
    expect(
      (await Subscriber.findOne({ email: 'shopper@example.com' }).lean())!.accountId,
    ).toBeTruthy();

    const off = await call('setMyNewsletter', { subscribed: false, wording }, shopper);
    expect(data(off)).toEqual({ status: 'unsubscribed' });
    expect(await sendMarketing('shopper@example.com')).toMatchObject({ status: 'skipped' });
    expect((await read('myNewsletter', undefined)).status).toBe(401);
  });
});

describe('account deletion', () => {
  it("deletes the person's consent record and back-in-stock requests", async () => {
    const email = uniqueEmail('leaving');
    await subscribed(email);
    const { Subscriber, BackInStockRequest } = await models();
    await BackInStockRequest.create({ email, sku: 'SOME-SKU', productId: 'p' });
    await runsEnded(
      platform.executor,
      await sendToExecutor(platform.executor, 'auth/account.deleted', {
        accountId: randomBytes(12).toString('hex'),
        email,
      }),
    );
    expect(await Subscriber.exists({ email })).toBeNull();
    expect(await BackInStockRequest.exists({ email })).toBeNull();
  });
});

describe('unsubscribe', () => {
  it('every marketing email carries List-Unsubscribe, List-Unsubscribe-Post and a visible link', async () => {
    const email = uniqueEmail('headers');
    await subscribed(email);
    await sendMarketing(email);
    const [marketing] = (await inbox(email)).filter((each) => each.subject.startsWith('You left'));
    const header = marketing!.headers['list-unsubscribe'];
    expect(header).toMatch(
      new RegExp(`^<${storefrontUrl}/unsubscribe/one-click\\?token=[A-Za-z0-9_.%-]+>$`),
    );
    expect(marketing!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(header).not.toContain(encodeURIComponent(email));
    expect(header).not.toContain(email);
    expect(marketing!.html).toContain(`${storefrontUrl}/unsubscribe?token=`);
    expect(marketing!.text).toMatch(/Unsubscribe/);

    // Transactional mail carries none of it.
    const [confirmation] = (await inbox(email)).filter((each) =>
      each.subject.startsWith('Confirm'),
    );
    expect(confirmation!.headers['list-unsubscribe']).toBeUndefined();
  });

  it('the one-click POST (RFC 8058) unsubscribes at once, without sign-in; no marketing follows', async () => {
    const email = uniqueEmail('oneclick');
    await subscribed(email);
    await sendMarketing(email);
    const [marketing] = (await inbox(email)).filter((each) => each.subject.startsWith('You left'));
    const oneClick = new URL(marketing!.headers['list-unsubscribe']!.slice(1, -1));
    const token = oneClick.searchParams.get('token')!;

    const done = await call('unsubscribe', { token, via: 'one-click' });
    expect(done.status).toBe(200);
    expect(data(done)).toEqual({ unsubscribed: true });
    const { Subscriber } = await models();
    const after = await Subscriber.findOne({ email }).lean();
    expect(after).toMatchObject({ status: 'unsubscribed', source: 'one-click' });
    expect(await sendMarketing(email)).toEqual({ status: 'skipped', reason: 'no-consent' });
    // Twice is harmless, and adds no history.
    expect((await call('unsubscribe', { token, via: 'one-click' })).status).toBe(200);
    expect((await Subscriber.findOne({ email }).lean())!.history).toHaveLength(3);
  });

  it('by the link in the footer: looking changes nothing, the button unsubscribes', async () => {
    const email = uniqueEmail('bylink');
    await subscribed(email);
    await sendMarketing(email);
    const [marketing] = (await inbox(email)).filter((each) => each.subject.startsWith('You left'));
    const page = marketing!.html!.match(/href="([^"]*\/unsubscribe\?token=[^"]+)"/)?.[1];
    const token = new URL(page!.replaceAll('&amp;', '&')).searchParams.get('token')!;

    // What the page reads first (a GET): the link works and the address is still subscribed.
    for (let look = 0; look < 2; look += 1) {
      expect(data(await read('unsubscribeLink', { token }))).toEqual({
        valid: true,
        subscribed: true,
      });
    }
    const { Subscriber } = await models();
    expect((await Subscriber.findOne({ email }).lean())!.status).toBe('subscribed');

    expect((await call('unsubscribe', { token })).status).toBe(200);
    expect(data(await read('unsubscribeLink', { token }))).toEqual({
      valid: true,
      subscribed: false,
    });
    expect(await Subscriber.findOne({ email }).lean()).toMatchObject({
      status: 'unsubscribed',
      source: 'email-link',
    });
    // An edited token is not valid.
    const edited = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(data(await read('unsubscribeLink', { token: edited }))).toEqual({
      valid: false,
      subscribed: false,
    });
  });
});

describe('suppression', () => {
  it('a hard bounce at send time suppresses the address for marketing and marks the message bounced', async () => {
    const email = uniqueEmail('bounce');
    await subscribed(email);
    capture.rejectNext({ code: 550, message: '5.1.1 No such mailbox here', at: 'rcpt' });
    await expect(sendMarketing(email)).rejects.toThrow(/hard bounce/);

    const { Message, Suppression } = await models();
    const bounced = await Message.findOne({ to: email, template: 'abandoned-cart' }).lean();
    expect(bounced).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(bounced!.lastError).toMatch(/550/);
    expect(await Suppression.findOne({ email }).lean()).toMatchObject({
      reason: 'hard-bounce',
      source: 'smtp',
    });
    // Subscribed, but suppressed: no marketing. Transactional mail still goes.
    expect(await sendMarketing(email)).toEqual({ status: 'skipped', reason: 'no-consent' });
    await runsEnded(
      platform.executor,
      await sendToExecutor(platform.executor, 'auth/user.registered', {
        accountId: randomBytes(12).toString('hex'),
        email,
        name: 'Ada',
      }),
    );
    expect((await inbox(email)).map((each) => each.subject)).toContain('Welcome to Shop');
  });

  it('a 554 refusal of the message (not the mailbox) suppresses nothing', async () => {
    const email = uniqueEmail('content');
    await subscribed(email);
    capture.rejectNext({ code: 554, message: 'Message refused', at: 'data' });
    await expect(sendMarketing(email)).rejects.toThrow(/permanent SMTP failure/);
    const { Suppression } = await models();
    expect(await Suppression.exists({ email })).toBeNull();
  });

  it("the provider's bounce and complaint report: authenticated, validated, suppresses; staff see the list", async () => {
    const url = `${platform.host.url}/webhooks/mail-events`;
    const post = (body: unknown, token = mailEventsToken) =>
      request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const complainer = uniqueEmail('complaint');
    const gone = uniqueEmail('gone');
    const soft = uniqueEmail('soft');
    const report = {
      events: [
        { type: 'complaint', email: complainer },
        { type: 'bounce', email: gone, bounceType: 'permanent', diagnostic: '5.1.1 unknown' },
        { type: 'bounce', email: soft, bounceType: 'transient' },
      ],
    };
    expect((await post(report, 'wrong-token-0123456789-0123456789')).status).toBe(401);
    expect((await request(url, { method: 'POST', body: '{}' })).status).toBe(401);
    const invalid = await post({ events: [{ type: 'bounce', email: 'nope' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toMatch(/email|bounceType/);
    const handled = await post(report);
    expect(handled.status).toBe(200);
    expect(handled.json).toEqual({ received: 3, suppressed: 2 });

    await subscribed(complainer, { welcome: false });
    expect(await sendMarketing(complainer)).toEqual({ status: 'skipped', reason: 'no-consent' });

    const listed = await read('listSuppressions', { pageSize: 48 }, staff.support);
    expect(listed.status).toBe(200);
    const { items } = data<{ items: { email: string; reason: string; source: string }[] }>(listed);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: complainer,
          reason: 'complaint',
          source: 'provider-report',
        }),
        expect.objectContaining({ email: gone, reason: 'hard-bounce', source: 'provider-report' }),
      ]),
    );
    expect(items.map((item) => item.email)).not.toContain(soft);
    expect((await read('listSuppressions', {}, staff.shopper)).status).toBe(403);
    expect((await read('listSuppressions', {})).status).toBe(401);

    // Lifting one is a staff mutation (customers:write), recorded in the audit log.
    expect((await call('removeSuppression', { email: gone }, staff.support)).status).toBe(200);
    expect((await call('removeSuppression', { email: gone }, staff.support)).status).toBe(404);
    const audit = await read('auditLog', {}, staff.admin);
    expect(audit.text).toContain('notification.removeSuppression');
  });
});

describe("staff's view of an address's consent", () => {
  it('shows how consent was given, the wording, and a suppression; customers:read only', async () => {
    const email = uniqueEmail('consent-view');
    const none = await read('customerMarketing', { email }, staff.support);
    expect(data(none)).toMatchObject({ status: 'none', suppression: null, history: [] });

    await subscribed(email, { welcome: false });
    const view = data<{
      status: string;
      source: string;
      wording: string;
      history: { status: string }[];
    }>(await read('customerMarketing', { email: email.toUpperCase() }, staff.support));
    expect(view).toMatchObject({ status: 'subscribed', wording, suppression: null });
    expect(view.history.map((change) => change.status)).toEqual(['subscribed', 'pending']);

    const report = { events: [{ type: 'complaint', email }] };
    const reported = await request(`${platform.host.url}/webhooks/mail-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mailEventsToken}` },
      body: JSON.stringify(report),
    });
    expect(reported.status).toBe(200);
    expect(data(await read('customerMarketing', { email }, staff.support))).toMatchObject({
      suppression: { reason: 'complaint' },
    });

    expect((await read('customerMarketing', { email }, staff.shopper)).status).toBe(403);
    expect((await read('customerMarketing', { email })).status).toBe(401);
    expect(
      (await read('customerMarketing', { email: 'not-an-address' }, staff.support)).status,
    ).toBe(400);
  });
});

describe('back in stock', () => {
  it('one email when a sold-out variant is restocked, then the request ends', async () => {
    const { setStock } = await import('./support/order-fixtures');
    const { productModels } = await import('@shop/db/product');
    const { Product, InventoryItem } = productModels(await connectDomainDatabase('product'));
    const item = await InventoryItem.findOne({ available: { $gte: 1 } }).lean();
    const product = await Product.findById(item!.productId).lean();
    const sku = item!.sku;
    const email = uniqueEmail('restock');

    const inStock = await call('notifyWhenAvailable', { email, sku });
    expect(inStock.status).toBe(400);
    expect(inStock.text).toContain('in stock');
    expect((await call('notifyWhenAvailable', { email, sku: 'NO-SUCH-SKU' })).status).toBe(400);

    await setStock(sku, 0);
    expect((await call('notifyWhenAvailable', { email, sku })).status).toBe(200);
    expect((await call('notifyWhenAvailable', { email, sku })).status).toBe(200);
    const { BackInStockRequest } = await models();
    expect(await BackInStockRequest.countDocuments({ email, sku, status: 'waiting' })).toBe(1);

    const productUpdated = () =>
      sendToExecutor(platform.executor, 'product/product.updated', {
        productId: product!._id.toString(),
        slug: product!.slug,
      });
    // Still sold out: the run finds nothing to send.
    await runsEnded(platform.executor, await productUpdated());
    expect(await inbox(email)).toHaveLength(0);

    await setStock(sku, 5);
    await runsEnded(platform.executor, await productUpdated());
    const [restocked] = await waitForInbox(email, 1);
    expect(restocked!.subject).toBe(`Back in stock: ${product!.name}`);
    expect(restocked!.text).toContain(`${storefrontUrl}/products/${product!.slug}?sku=`);
    expect(await BackInStockRequest.findOne({ email, sku }).lean()).toMatchObject({
      status: 'notified',
    });

    // A later change of the same product sends nothing more: the subscription has ended.
    await runsEnded(platform.executor, await productUpdated());
    expect(await inbox(email)).toHaveLength(1);
  });
});

// Both wait out the reminder delay (3 s) for their own addresses and runs: side by side.
describe.concurrent('abandoned cart', () => {
  async function cartSkus(count: number): Promise<string[]> {
    const { stockedSkus } = await import('./support/order-fixtures');
    return stockedSkus(count, 5);
  }

  async function reminderRun(email: string) {
    return waitFor(
      () =>
        latestRunOf(platform.executor, 'abandoned-cart-reminder', (data) => data.email === email),
      { what: `the abandoned-cart run of ${email}` },
    );
  }

  async function runEnded(email: string) {
    return waitFor(
      async () => {
        const run = await reminderRun(email);
        return run.status !== 'Running' && run;
      },
      { what: `the abandoned-cart run of ${email} to end`, timeoutMs: 30_000 },
    );
  }

  it('after the delay, one reminder with the items and a link that restores them', async () => {
    const email = uniqueEmail('abandoned');
    await subscribed(email);
    const skus = await cartSkus(2);
    const lines = [
      { sku: skus[0]!, quantity: 2 },
      { sku: skus[1]!, quantity: 1 },
    ];
    expect((await call('rememberCheckout', { email, lines })).status).toBe(200);

    // Waiting for the delay: nothing yet.
    const waiting = await reminderRun(email);
    expect(waiting.status).toBe('Running');
    expect((await inbox(email)).map((each) => each.subject)).not.toContain(
      'You left something in your cart',
    );

    expect((await runEnded(email)).status).toBe('Completed');
    const reminders = (await inbox(email)).filter((each) => each.subject.startsWith('You left'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toMatch(/2 ×/);
    expect(reminders[0]!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const token = linkToken(reminders[0]!, '/cart/restore');
    expect(data(await read('restoreCartLink', { token }))).toEqual({ lines });
    expect((await read('restoreCartLink', { token: `${token}x` })).status).toBe(404);

    // A second checkout from the same address the same day starts no second reminder.
    await call('rememberCheckout', { email, lines: [{ sku: skus[0]!, quantity: 1 }] });
    const marker = uniqueEmail('marker');
    await subscribed(marker);
    await call('rememberCheckout', { email: marker, lines });
    await runEnded(marker);
    expect((await inbox(email)).filter((each) => each.subject.startsWith('You left'))).toHaveLength(
      1,
    );
  });

  it('stops when the shopper orders, and sends nothing without consent', async () => {
    const buyer = uniqueEmail('buyer');
    await subscribed(buyer);
    const [sku] = await cartSkus(1);
    await call('rememberCheckout', { email: buyer, lines: [{ sku: sku!, quantity: 1 }] });
    expect((await reminderRun(buyer)).status).toBe('Running');
    await sendToExecutor(platform.executor, 'order/order.created', {
      orderId: randomBytes(12).toString('hex'),
      number: 'SO-TEST-0001',
      email: buyer,
      name: 'Ada',
      totalMinor: 1_000,
      currency: 'EUR',
      paymentMethod: 'card',
      lines: [{ productId: 'p', sku: sku!, quantity: 1, unitPriceMinor: 1_000 }],
    });
    const ordered = await runEnded(buyer);
    expect(ordered.status).toBe('Completed');

    const stranger = uniqueEmail('stranger');
    await call('rememberCheckout', { email: stranger, lines: [{ sku: sku!, quantity: 1 }] });
    expect((await runEnded(stranger)).status).toBe('Completed');

    expect((await inbox(buyer)).filter((each) => each.subject.startsWith('You left'))).toEqual([]);
    expect(await inbox(stranger)).toEqual([]);
    const { Message } = await models();
    expect(
      await Message.countDocuments({ to: { $in: [buyer, stranger] }, template: 'abandoned-cart' }),
    ).toBe(0);
  });
});
