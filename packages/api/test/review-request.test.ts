import { randomBytes } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { notificationModels } from '@shop/db/notification';
import { orderModels } from '@shop/db/order';
import { productModels } from '@shop/db/product';
import { reviewModels } from '@shop/db/review';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { latestRunOf, runsEnded, sendToExecutor, type RunView } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { request } from './support/http';
import { deliveredOrder, reviewCalls, unreviewedProductSlugs } from './support/review-fixtures';
import { jpeg } from './support/test-images';
import type { tokenFor as TokenFor } from './support/user-test-calls';
import { dataOf, errorOf } from './support/user-test-calls';

/**
 * Review requests (issue 13) over HTTP, against a host with the auth, product, order, review and
 * notification cells, the local Inngest executor and the real SMTP capture: the request after
 * the wait lists only unreviewed products; nothing for a shopper without consent, a suppressed
 * address, an erased account, a cancelled or refunded order; one reminder at most; the emailed
 * link writes a verified review without a sign-in, and a tampered, expired or used link is
 * refused with a 4xx.
 */

vi.setConfig({ testTimeout: 120_000 });

let capture: MailCapture;
let platform: HostWithExecutor;
let url: string;
let tokenFor: typeof TokenFor;
let slugs: string[];
let nextSlug = 0;
const mailLinkSecret = 'mail-link-test-secret-0123456789-reviews';
const wording = 'Email me about new products and offers, at most once a week.';

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  isolateTestDatabases();
  // A small catalogue: the file needs 24 products nobody reviewed, and every product, order and
  // review lookup scans its collection on the in-memory stand-in.
  await seedDemoData({ productCount: 150 });
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'review', 'notification'], {
    env: {
      SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-review-request',
      SMTP_URL: capture.smtpUrl,
      STOREFRONT_PUBLIC_URL: 'http://shop.test',
      MAIL_LINK_SECRET: mailLinkSecret,
      // Seconds instead of days: long enough to act during the wait (the tests that wait them
      // out run side by side, so the machine is busier then), short enough for a test.
      REVIEW_REQUEST_DELAY: '3s',
      REVIEW_REMINDER_DELAY: '10s',
    },
    host: {
      logger: (await import('pino')).default({
        level: process.env.TEST_HOST_LOG_LEVEL ?? 'silent',
      }),
    },
  });
  url = platform.host.url;
  process.env.AUTH_CELL_URL = url;
  ({ tokenFor } = await import('./support/user-test-calls'));
  slugs = await unreviewedProductSlugs(24);
}, 120_000);
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
  delete process.env.AUTH_CELL_URL;
});

const takeSlugs = (count: number) => {
  nextSlug += count;
  return slugs.slice(nextSlug - count, nextSlug);
};

async function reviewRequests(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  const { items } = (await response.json()) as { items: CapturedMessage[] };
  return items
    .filter((each) => each.headers['x-shop-template'] === 'review-request')
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/**
 * The request emails once `count` have arrived. A run's `reminder: 'sent'` means the review cell
 * asked the notification cell; the email is that cell's own run, which can end a moment later.
 */
function reviewRequestsOnce(to: string, count: number): Promise<CapturedMessage[]> {
  return waitFor(
    async () => {
      const received = await reviewRequests(to);
      return received.length >= count && received;
    },
    { what: `${count} review request emails to ${to}` },
  );
}

const notification = (path: string, input: unknown) =>
  request(`${url}/trpc/notification.${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });

/** Signs the address up for marketing mail and confirms it from the captured inbox. */
async function subscribed(email: string): Promise<void> {
  expect((await notification('subscribe', { email, source: 'footer', wording })).status).toBe(200);
  const confirmation = await waitFor(
    async () => {
      const response = await fetch(
        `${capture.inboxUrl}/api/messages?to=${encodeURIComponent(email)}`,
      );
      const { items } = (await response.json()) as { items: CapturedMessage[] };
      return items.find((each) => each.text.includes('/newsletter/confirm?token='));
    },
    { what: `newsletter confirmation to ${email}` },
  );
  const token = new URL(
    confirmation.text.match(/https?:\/\/\S+\/newsletter\/confirm\?token=[^\s\]]+/)![0],
  ).searchParams.get('token')!;
  expect(dataOf(await notification('confirmSubscription', { token }))).toEqual({
    outcome: 'confirmed',
  });
}

interface Shopper {
  accountId: string;
  email: string;
  token: string;
}

async function shopper({ subscribe = true } = {}): Promise<Shopper> {
  const email = `reviewer-${randomBytes(4).toString('hex')}@example.com`;
  const { token, accountId } = await tokenFor(['customer'], { email });
  if (subscribe) await subscribed(email);
  return { accountId, email, token };
}

/** A delivered order of these products for the shopper, as the order cell leaves one. */
async function orderOf(who: Shopper, productSlugs: string[]) {
  const number = await deliveredOrder(who.accountId, productSlugs[0]!);
  const { Order } = orderModels(await connectDomainDatabase('order'));
  const { Product } = productModels(await connectDomainDatabase('product'));
  const order = (await Order.findOne({ number }))!;
  for (const slug of productSlugs.slice(1)) {
    const product = (await Product.findOne({ slug }).lean())!;
    const variant = product.variants[0]!;
    order.lines.push({
      productId: String(product._id),
      productSlug: slug,
      sku: variant.sku,
      name: product.name,
      variantLabel: '',
      unitPriceMinor: variant.priceMinor,
      quantity: 1,
      lineTotalMinor: variant.priceMinor,
    });
  }
  order.customer!.email = who.email;
  await order.save();
  const names = Object.fromEntries(
    await Promise.all(
      productSlugs.map(async (slug) => [slug, (await Product.findOne({ slug }).lean())!.name]),
    ),
  ) as Record<string, string>;
  return { orderId: String(order._id), number, names };
}

/** What the order cell sends when the order is delivered; the id of that event. */
const delivered = (who: Shopper, order: { orderId: string; number: string }) =>
  sendToExecutor(platform.executor, 'order/order.delivered', {
    orderId: order.orderId,
    number: order.number,
    accountId: who.accountId,
    email: who.email,
    name: 'Rita Reviewer',
  });

/** The review request run the delivered event started, once it has ended. */
async function requestRun(eventId: string): Promise<RunView> {
  // The event also starts the notification cell's "order delivered" email.
  const runs = await runsEnded(platform.executor, eventId, 2);
  return runs.find((run) => run.function_id.endsWith('request-reviews'))!;
}

/** The notification cell's sends of this order's review request, once `count` have ended. */
async function requestSends(orderId: string, count: number) {
  return waitFor(
    async () => {
      const response = await fetch(platform.executor.url, {
        headers: { accept: 'application/json' },
      });
      const { runs } = (await response.json()) as {
        runs: (RunView & { event_id: string | null })[];
      };
      const ended = [];
      for (const run of runs.filter((each) =>
        each.function_id.endsWith('send-review-request-email'),
      )) {
        if (run.status === 'Running' || !run.event_id) continue;
        const event = await fetch(`${platform.executor.url}/v1/events/${run.event_id}`);
        const { data } = (await event.json()) as { data: { data: { orderId: string } } };
        if (data.data.orderId === orderId) ended.push(run);
      }
      return ended.length >= count && ended;
    },
    { what: `${count} review request send(s) for order ${orderId}` },
  );
}

/** The link tokens in a review request, by product name. */
function linksIn(email: CapturedMessage): Map<string, string> {
  const links = new Map<string, string>();
  const pattern = /Review (.+?) \[?(https?:\/\/\S+?\/review\?token=[A-Za-z0-9._%-]+)/g;
  for (const [, name, link] of email.text.matchAll(pattern)) {
    links.set(name!.trim(), new URL(link!).searchParams.get('token')!);
  }
  return links;
}

const anonymous = () => reviewCalls(url);
const reviewText = {
  rating: 4,
  title: 'Does what it says',
  body: 'Arrived quickly and has held up well after a month of daily use.',
};

// The tests that wait out the request and reminder delays (13 s each) run side by side: each has
// its own shopper, order and products, and looks only at its own emails and runs.
describe.concurrent('the review request email', () => {
  it('arrives after the wait, lists only the products not yet reviewed, with one signed link each, then one reminder at most', async () => {
    const who = await shopper();
    const [reviewedSlug, firstSlug, secondSlug] = takeSlugs(3) as [string, string, string];
    const order = await orderOf(who, [reviewedSlug, firstSlug, secondSlug]);
    // The shopper already reviewed one of them, signed in.
    const submitted = await reviewCalls(url, who.token).mutate('submit', {
      productSlug: reviewedSlug,
      ...reviewText,
    });
    expect(submitted.status).toBe(200);

    const eventId = await delivered(who, order);
    // Sleeping, nothing sent yet.
    const sleeping = await latestRunOf(
      platform.executor,
      'request-reviews',
      (data) => data.orderId === order.orderId,
    );
    expect(sleeping?.status).toBe('Running');
    expect(await reviewRequests(who.email)).toEqual([]);

    const [requestEmail] = await waitFor(
      async () => {
        const emails = await reviewRequests(who.email);
        return emails.length >= 1 && emails;
      },
      { what: `the review request to ${who.email}` },
    );
    const links = linksIn(requestEmail!);
    expect([...links.keys()].sort()).toEqual(
      [order.names[firstSlug], order.names[secondSlug]].sort(),
    );
    // Marketing: one-click unsubscribe (RFC 8058).
    expect(requestEmail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // The links name nobody.
    for (const token of links.values()) {
      expect(token).not.toContain(who.email.split('@')[0]);
      expect(decodeURIComponent(token)).not.toContain('@');
    }

    const run = await requestRun(eventId);
    expect(run).toMatchObject({
      status: 'Completed',
      output: { request: 'sent', reminder: 'sent' },
    });
    const emails = await reviewRequestsOnce(who.email, 2);
    expect(emails.map((each) => each.subject)).toEqual([
      'How are you finding your order?',
      'A last reminder: how are you finding your order?',
    ]);
    // The delivered event again (a redelivery) starts no second request.
    const again = await delivered(who, order);
    await runsEnded(platform.executor, again, 1);
    await requestSends(order.orderId, 2);
    expect(await reviewRequests(who.email)).toHaveLength(2);
  });

  it('writes a verified review through the link without signing in; the reminder then leaves that product out, and a used link is refused', async () => {
    const who = await shopper();
    const [firstSlug, secondSlug] = takeSlugs(2) as [string, string];
    const order = await orderOf(who, [firstSlug, secondSlug]);
    const eventId = await delivered(who, order);
    const [requestEmail] = await waitFor(
      async () => {
        const emails = await reviewRequests(who.email);
        return emails.length >= 1 && emails;
      },
      { what: 'the review request' },
    );
    const token = linksIn(requestEmail!).get(order.names[firstSlug]!)!;

    expect(dataOf(await anonymous().query('requestLink', { token }))).toEqual({
      state: 'ready',
      product: { slug: firstSlug, name: order.names[firstSlug] },
    });
    // A photo through the link, no session either.
    const photo = await request(`${url}/media/review-photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'x-review-link': token },
      body: await jpeg(900, 600),
    });
    expect(photo.status).toBe(201);
    const photoId = (photo.json as { id: string }).id;
    const written = await anonymous().mutate('submitByLink', {
      token,
      ...reviewText,
      photoIds: [photoId],
    });
    const review = dataOf<{ id: string; verified: boolean; rating: number; photos: unknown[] }>(
      written,
    );
    expect(review).toMatchObject({ verified: true, rating: 4 });
    expect(review.photos).toHaveLength(1);
    // It is the link's customer's review: signed in, they see it as their own.
    const mine = dataOf<{ id: string; verified: boolean } | null>(
      await reviewCalls(url, who.token).query('mine', { productSlug: firstSlug }),
    );
    expect(mine).toMatchObject({ id: review.id, verified: true });
    const { Review } = reviewModels(await connectDomainDatabase('review'));
    expect((await Review.findById(review.id).lean())?.verifiedBy).toMatchObject({
      orderId: order.orderId,
      number: order.number,
    });

    // The same link again: refused, and the page says why.
    const reused = await anonymous().mutate('submitByLink', { token, ...reviewText });
    expect(reused.status).toBe(409);
    expect(errorOf(reused).message).toMatch(/already been used/);
    expect(dataOf(await anonymous().query('requestLink', { token }))).toMatchObject({
      state: 'used',
    });
    // Still refused after the review is deleted: one link, one review.
    expect(
      (await reviewCalls(url, who.token).mutate('remove', { reviewId: review.id })).status,
    ).toBe(200);
    expect((await anonymous().mutate('submitByLink', { token, ...reviewText })).status).toBe(409);

    // The reminder lists only what is still unreviewed.
    expect(await requestRun(eventId)).toMatchObject({
      output: { request: 'sent', reminder: 'sent' },
    });
    const [, reminder] = await reviewRequestsOnce(who.email, 2);
    expect([...linksIn(reminder!).keys()]).toEqual([order.names[secondSlug]]);
  });

  it('sends no reminder once every product is reviewed', async () => {
    const who = await shopper();
    const [slug] = takeSlugs(1) as [string];
    const order = await orderOf(who, [slug]);
    const eventId = await delivered(who, order);
    const [requestEmail] = await waitFor(
      async () => {
        const emails = await reviewRequests(who.email);
        return emails.length >= 1 && emails;
      },
      { what: 'the review request' },
    );
    expect(requestEmail!.subject).toBe(`How is your ${order.names[slug]}?`);
    const [token] = linksIn(requestEmail!).values();
    expect((await anonymous().mutate('submitByLink', { token, ...reviewText })).status).toBe(200);
    expect(await requestRun(eventId)).toMatchObject({
      status: 'Completed',
      output: { request: 'sent', reminder: 'all_reviewed' },
    });
    expect(await reviewRequests(who.email)).toHaveLength(1);
  });
});

describe.concurrent('no review request', () => {
  it('for a shopper who never opted in to marketing mail, nor for a suppressed address', async () => {
    const optedOut = await shopper({ subscribe: false });
    const suppressed = await shopper();
    const { Suppression } = notificationModels(await connectDomainDatabase('notification'));
    await Suppression.create({
      email: suppressed.email,
      reason: 'complaint',
      source: 'provider-report',
      suppressedAt: new Date(),
    });
    // Both orders wait out the request and reminder delays side by side (12 s, not 24).
    await Promise.all(
      [optedOut, suppressed].map(async (who) => {
        const order = await orderOf(who, takeSlugs(1));
        const eventId = await delivered(who, order);
        // The run ends after its reminder step: waited for with one read a poll, then its sends
        // are looked up (a read per send run, too many to repeat every 50 ms through the wait).
        await requestRun(eventId);
        // Both the request and the reminder were due, and both were held back by consent.
        const sends = await requestSends(order.orderId, 2);
        for (const send of sends) {
          expect(send, who.email).toMatchObject({
            status: 'Completed',
            output: { status: 'skipped', reason: 'no-consent' },
          });
        }
        expect(await reviewRequests(who.email), who.email).toEqual([]);
      }),
    );
  });

  it('for an account erased, or an order cancelled or refunded, during the wait: the sleeping run is cancelled', async () => {
    const cases: [
      string,
      (who: Shopper, order: { orderId: string; number: string }) => Promise<unknown>,
    ][] = [
      [
        'erased',
        (who) =>
          sendToExecutor(platform.executor, 'auth/account.deleted', {
            accountId: who.accountId,
            email: who.email,
          }),
      ],
      [
        'cancelled',
        (who, order) =>
          sendToExecutor(platform.executor, 'order/order.cancelled', {
            orderId: order.orderId,
            number: order.number,
            accountId: who.accountId,
            email: who.email,
            name: 'Rita Reviewer',
            code: 'customer_request',
            message: 'You cancelled the order.',
            refundedMinor: 0,
            totalMinor: 1000,
            currency: 'EUR',
          }),
      ],
      [
        'refunded',
        (who, order) =>
          sendToExecutor(platform.executor, 'order/order.refunded', {
            orderId: order.orderId,
            number: order.number,
            accountId: who.accountId,
            email: who.email,
            name: 'Rita Reviewer',
            refundId: `re_${randomBytes(4).toString('hex')}`,
            amountMinor: 1000,
            totalRefundedMinor: 1000,
            currency: 'EUR',
            reason: 'Damaged',
          }),
      ],
    ];
    for (const [what, happen] of cases) {
      const who = await shopper();
      const order = await orderOf(who, takeSlugs(1));
      const eventId = await delivered(who, order);
      await waitFor(
        async () =>
          (
            await latestRunOf(
              platform.executor,
              'request-reviews',
              (data) => data.orderId === order.orderId,
            )
          )?.status === 'Running',
        { what: `the ${what} case's request run` },
      );
      await happen(who, order);
      expect(await requestRun(eventId), what).toMatchObject({ status: 'Cancelled' });
      expect(await reviewRequests(who.email), what).toEqual([]);
    }
  });

  it('for an order refunded without the run hearing of it: the order cell is asked again before sending', async () => {
    const who = await shopper();
    const order = await orderOf(who, takeSlugs(1));
    const { Order } = orderModels(await connectDomainDatabase('order'));
    await Order.updateOne({ _id: order.orderId }, { $set: { refundedMinor: 500 } });
    const eventId = await delivered(who, order);
    expect(await requestRun(eventId)).toMatchObject({
      status: 'Completed',
      output: { request: 'refunded' },
    });
    expect(await reviewRequests(who.email)).toEqual([]);
  });
});

describe('a review link that cannot write', () => {
  async function linkFor(who: Shopper, expiresAt: Date) {
    const { signReviewLink } = await import('../src/cells/review/request-link');
    const [slug] = takeSlugs(1) as [string];
    const order = await orderOf(who, [slug]);
    return {
      slug,
      token: signReviewLink({
        orderId: order.orderId,
        accountId: who.accountId,
        productSlug: slug,
        expiresAt,
      }),
    };
  }

  it('is refused with 400 when tampered with, naming no one, and the page gets a clear state', async () => {
    const who = await shopper({ subscribe: false });
    const { token } = await linkFor(who, new Date(Date.now() + 86_400_000));
    expect(dataOf(await anonymous().query('requestLink', { token }))).toMatchObject({
      state: 'ready',
    });
    // Another account's id in a valid link's place, and a flipped character of the MAC.
    const other = token.replace(who.accountId, 'f'.repeat(24));
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const bad of [other, flipped]) {
      const refused = await anonymous().mutate('submitByLink', { token: bad, ...reviewText });
      expect(refused.status).toBe(400);
      expect(errorOf(refused).message).toMatch(/not valid/);
      expect(dataOf(await anonymous().query('requestLink', { token: bad }))).toMatchObject({
        state: 'invalid',
      });
    }
    // Not even shaped like a link: the input check refuses it.
    const garbage = await anonymous().mutate('submitByLink', {
      token: 'not-a-link',
      ...reviewText,
    });
    expect(garbage.status).toBe(400);
  });

  it('is refused with 403 once expired (45 days after the email)', async () => {
    const who = await shopper({ subscribe: false });
    const { token } = await linkFor(who, new Date(Date.now() - 1000));
    const refused = await anonymous().mutate('submitByLink', { token, ...reviewText });
    expect(refused.status).toBe(403);
    expect(errorOf(refused).message).toMatch(/expired/);
    expect(dataOf(await anonymous().query('requestLink', { token }))).toMatchObject({
      state: 'expired',
    });
    const { reviewLinkLifetimeMs } = await import('../src/cells/review/request-link');
    expect(reviewLinkLifetimeMs).toBe(45 * 24 * 60 * 60 * 1000);
  });
});
