import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { orderModels } from '@shop/db/order';
import { waitFor } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createCellClient } from '../src/client';
import type * as OrderFixtures from './support/order-fixtures';
import { failureOf } from './support/cart-calls';
import { guestShopper } from './support/checkout-calls';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { request } from './support/http';
import { seedFileDatabases } from './support/seed-file-databases';

// Defect 1 of issue 11, attacked over HTTP against real cell hosts: a stranger who knows an order's
// number and email used to get a token from `order.lookup` that read AND cancelled (with a full
// refund) any order, an account's included. Now a lookup reads guest orders only, and cancelling
// takes the single-use link mailed (real SMTP, read back from the mail capture) to the order's
// address.

type Client = ReturnType<typeof createCellClient>;

let capture: MailCapture;
let platform: HostWithExecutor;
let hostUrl: string;
let fx: typeof OrderFixtures;
let anonymous: Client;
let skus: string[];
const storefrontUrl = 'http://shop.test';

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  await seedFileDatabases();
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'payment', 'notification'], {
    env: {
      SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-gcan',
      SMTP_URL: capture.smtpUrl,
      MAIL_FROM: 'Shop <orders@shop.test>',
      STOREFRONT_PUBLIC_URL: storefrontUrl,
    },
  });
  hostUrl = platform.host.url;
  fx = await import('./support/order-fixtures');
  skus = await fx.stockedSkus(4);
  const { createCellClient } = await import('../src/client');
  anonymous = createCellClient({ urlFor: () => `${hostUrl}/trpc` });
}, 90_000);
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

/** The cancellation email's link token, once the email has arrived. */
async function cancelLinkTokenIn(email: string, number: string): Promise<string> {
  const message = await waitFor(
    async () => (await inbox(email)).find((item) => item.subject === `Cancel order ${number}?`),
    { what: `the cancellation email to ${email}`, timeoutMs: 20_000 },
  );
  const link = /http:\/\/shop\.test\/orders\/cancel\?token=([A-Za-z0-9_-]{43})/.exec(message.text);
  expect(link, message.text).toBeTruthy();
  return link?.[1] ?? '';
}

/** A guest's card order, placed through the real checkout and paid: CONFIRMED. */
async function paidGuestOrder(sku: string) {
  const guest = guestShopper(hostUrl);
  await guest.add(sku, 1);
  const placed = await guest.client.order.place.mutate(await guest.checkoutForm('card'));
  await fx.payWithTestCard(hostUrl, placed.orderId);
  await fx.waitForOrder(placed.orderId, fx.settled);
  return { ...placed, email: guest.email };
}

const lookupOver = (number: string, email: string) =>
  request(`${hostUrl}/trpc/order.lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' },
    body: JSON.stringify({ number, email }),
  });

describe("an account's order", () => {
  it('cannot be reached by a lookup, even with the right number and email', async () => {
    const { Account } = authModels(await connectDomainDatabase('auth'));
    const shopper = await Account.findOne({ email: 'shopper@example.com' }).lean();
    const { orderId, number } = await fx.createTestOrder({
      lines: [{ sku: skus[0] ?? '', quantity: 1 }],
      accountId: String(shopper?._id),
      email: 'shopper@example.com',
      paymentMethod: 'cash_on_delivery',
    });
    await fx.waitForOrder(orderId, fx.settled);

    const right = await lookupOver(number, 'shopper@example.com');
    const wrong = await lookupOver(number, 'nobody@example.com');
    expect(right.status).toBe(404);
    expect(right.text).toBe(wrong.text);

    // A lookup token handed out before this change no longer opens it either.
    const oldToken = 'L'.repeat(43);
    const { Order } = orderModels(await connectDomainDatabase('order'));
    await Order.updateOne(
      { _id: orderId },
      { $push: { guestLookupTokenHashes: createHash('sha256').update(oldToken).digest('hex') } },
    );
    expect(
      await failureOf(anonymous.order.get.query({ orderId, accessToken: oldToken })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await failureOf(anonymous.order.cancel.mutate({ orderId, accessToken: oldToken })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await fx.readOrder(orderId))?.status).toBe('CONFIRMED');
  });
});

describe("a guest's order found by lookup", () => {
  it('reads only; cancelling takes the emailed link, which cancels once and refunds in full', async () => {
    const order = await paidGuestOrder(skus[1] ?? '');
    expect(order.number).toMatch(/^SO-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const { accessToken } = await anonymous.order.lookup.mutate({
      number: order.number,
      email: order.email,
    });

    const view = await anonymous.order.get.query({ orderId: order.orderId, accessToken });
    expect(view).toMatchObject({ status: 'CONFIRMED', canCancel: true, cancelBy: 'email-link' });

    // The lookup token does not cancel (before: CANCELLED with a full refund, no mailbox needed).
    const direct = await failureOf(
      anonymous.order.cancel.mutate({ orderId: order.orderId, accessToken }),
    );
    expect(direct).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });
    expect((await fx.readOrder(order.orderId))?.status).toBe('CONFIRMED');

    // Asking for the link: it goes to the order's address, which the answer shows masked.
    const sent = await anonymous.order.requestCancelLink.mutate({
      orderId: order.orderId,
      accessToken,
    });
    expect(sent.sentTo).toBe(`g•••@example.com`);
    expect(new Date(sent.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const again = await failureOf(
      anonymous.order.requestCancelLink.mutate({ orderId: order.orderId, accessToken }),
    );
    expect(again).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
    const token = await cancelLinkTokenIn(order.email, order.number);

    // Opening the link shows the order and changes nothing (mail scanners open links).
    const preview = await anonymous.order.cancelLink.query({ token });
    expect(preview).toMatchObject({
      number: order.number,
      status: 'CONFIRMED',
      canCancel: true,
      refundOnCancel: true,
      cancelled: false,
      link: 'live',
    });
    expect((await fx.readOrder(order.orderId))?.status).toBe('CONFIRMED');

    // A forged link does nothing.
    expect(
      await failureOf(anonymous.order.cancelWithLink.mutate({ token: 'A'.repeat(43) })),
    ).toMatchObject({ code: 'NOT_FOUND' });

    // Confirming cancels; the refund follows; following the link again answers the same.
    const cancelled = await anonymous.order.cancelWithLink.mutate({
      token,
      reason: 'Ordered by mistake',
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelled: true, canCancel: false });
    expect(await anonymous.order.cancelWithLink.mutate({ token })).toMatchObject({
      status: 'CANCELLED',
      cancelled: true,
      link: 'spent',
    });
    const refunded = await fx.waitForOrder(
      order.orderId,
      (stored) => stored.refundedMinor === stored.totalMinor,
    );
    expect(refunded.cancellation).toMatchObject({ code: 'customer_request' });
    // Cancelled once (the refund adds a note that keeps the status).
    const cancellations = refunded.history.filter(
      (entry) => entry.to === 'CANCELLED' && entry.from !== 'CANCELLED',
    );
    expect(cancellations).toHaveLength(1);
  });

  it('refuses an expired link: the order stays as it is', async () => {
    const order = await paidGuestOrder(skus[2] ?? '');
    const { accessToken } = await anonymous.order.lookup.mutate({
      number: order.number,
      email: order.email,
    });
    await anonymous.order.requestCancelLink.mutate({ orderId: order.orderId, accessToken });
    const token = await cancelLinkTokenIn(order.email, order.number);
    const { Order } = orderModels(await connectDomainDatabase('order'));
    await Order.updateOne(
      { _id: order.orderId },
      { $set: { 'guestCancelLink.expiresAt': new Date(Date.now() - 1000) } },
    );
    expect(await anonymous.order.cancelLink.query({ token })).toMatchObject({
      link: 'expired',
      canCancel: false,
    });
    expect(await failureOf(anonymous.order.cancelWithLink.mutate({ token }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This cancellation link has expired. Look your order up and ask for a new one.',
    });
    expect((await fx.readOrder(order.orderId))?.status).toBe('CONFIRMED');
  });
});

describe('order numbers', () => {
  it('are random, not one after the other', async () => {
    const first = await paidGuestOrder(skus[3] ?? '');
    const second = await paidGuestOrder(skus[3] ?? '');
    const pattern = /^SO-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
    expect(first.number).toMatch(pattern);
    expect(second.number).toMatch(pattern);
    expect(first.number).not.toBe(second.number);
  });
});
