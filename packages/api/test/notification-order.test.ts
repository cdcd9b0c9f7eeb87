import { randomBytes } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { notificationModels } from '@shop/db/notification';
import { isolateTestDatabases } from '@shop/db/testing';
import type { LocalInngest } from '@shop/inngest-local';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';

// Order emails end to end: an order event -> the local Inngest executor -> the notification
// cell's function -> nodemailer over real SMTP -> the mail capture's inbox, read as the shopper.

let capture: MailCapture;
let platform: HostWithExecutor;
let executor: LocalInngest;
const storefrontUrl = 'http://shop.test';

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  isolateTestDatabases();
  // The product cell too, with an empty catalogue: `order.confirmed` also starts the campaigns'
  // purchase projection, which asks it for the SKUs' categories. Without it that run failed its
  // call and retried five times (about 3 s) before each confirmation's runs had all ended.
  platform = await startHostWithExecutor(['notification', 'product'], {
    env: {
      SMTP_URL: capture.smtpUrl,
      MAIL_FROM: 'Shop <orders@shop.test>',
      STOREFRONT_PUBLIC_URL: storefrontUrl,
    },
  });
  ({ executor } = platform);
});
afterAll(async () => {
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

/**
 * Delivers an order event and returns the runs of the cell's email functions. `order.confirmed`
 * also feeds the campaigns' purchase projection (its own run, tested with campaigns): it is
 * waited for and left out.
 */
async function deliver(name: string, data: Record<string, unknown>) {
  const alsoProjection = name === 'order/order.confirmed';
  const runs = await runsEnded(
    executor,
    await sendToExecutor(executor, name, data),
    alsoProjection ? 2 : 1,
  );
  return runs.filter((run) => !run.function_id.endsWith('record-customer-purchase'));
}

async function inbox(to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

async function records(orderNumber: string) {
  const { Message } = notificationModels(await connectDomainDatabase('notification'));
  return Message.find({ orderNumber }).sort({ createdAt: 1 }).lean();
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The part of every order event that says which order and whom to tell. */
function anOrder(options: { guest?: boolean } = {}) {
  return {
    orderId: hex(12),
    number: `SO-${hex(3).toUpperCase()}`,
    ...(options.guest ? {} : { accountId: hex(12) }),
    email: `buyer-${hex(4)}@example.com`,
    name: 'Ada Lovelace',
  };
}

function confirmedEvent(order: ReturnType<typeof anOrder>) {
  return {
    ...order,
    lines: [
      {
        sku: 'LINEN-BLUE-M',
        name: 'Linen Shirt',
        variantLabel: 'Blue / M',
        quantity: 2,
        unitPriceMinor: 3_900,
        lineTotalMinor: 7_800,
      },
      {
        sku: 'LAMP-OAK',
        name: 'Oak Desk Lamp',
        variantLabel: 'Oak',
        quantity: 1,
        unitPriceMinor: 123_450,
        lineTotalMinor: 123_450,
      },
    ],
    subtotalMinor: 131_250,
    discountMinor: 1_000,
    shippingMinor: 0,
    taxMinor: 30_188,
    totalMinor: 160_438,
    currency: 'EUR',
    shippingMethod: 'Express',
    paymentMethod: 'card',
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '12 Harbour Road',
      line2: 'Flat 3',
      city: 'Dublin',
      region: '',
      postcode: 'D02 X285',
      country: 'IE',
    },
    placedAt: new Date().toISOString(),
  };
}

describe('order confirmation email', () => {
  it('shows the items, the totals, the address and a link to the order page', async () => {
    const order = anOrder();
    const runs = await deliver('order/order.confirmed', confirmedEvent(order));
    expect(runs.map((run) => run.status)).toEqual(['Completed']);

    const emails = await inbox(order.email);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email!.subject).toBe(`Order ${order.number} confirmed`);
    expect(email!.to).toEqual([order.email]);
    expect(email!.from).toBe('"Shop" <orders@shop.test>');

    const text = email!.text;
    expect(text).toContain('Hi Ada Lovelace, we have your order ' + order.number);
    expect(text).toMatch(/Linen Shirt\s+€78\.00/);
    expect(text).toContain('Blue / M');
    expect(text).toContain('2 × €39.00');
    expect(text).toMatch(/Oak Desk Lamp\s+€1,234\.50/);
    // An event without `pricesIncludeTax` (placed before the tax mode existed) had tax added.
    expect(text).toMatch(/Subtotal \(excl\. tax\)\s+€1,312\.50/);
    expect(text).toMatch(/Discount\s+−€10\.00/);
    expect(text).toMatch(/Shipping\s+Free/);
    expect(text).toMatch(/Tax added\s+€301\.88/);
    expect(text).toMatch(/Total\s+€1,604\.38/);
    expect(text).toContain('12 Harbour Road');
    expect(text).toContain('D02 X285 Dublin');
    expect(text).toContain('Ireland');
    expect(text).toContain('Shipping method: Express');
    expect(text).toContain('Payment method: Card');
    const orderPage = `${storefrontUrl}/account/orders/${order.orderId}`;
    expect(text).toContain(orderPage);
    expect(email!.html).toContain(`href="${orderPage}"`);

    expect(await records(order.number)).toEqual([
      expect.objectContaining({
        template: 'order-confirmed',
        dedupeKey: `order-confirmed:${order.orderId}`,
        kind: 'transactional',
        status: 'sent',
        attempts: 1,
        accountId: order.accountId,
        to: order.email,
      }),
    ]);
  });

  it('is sent once when the event is delivered again', async () => {
    const order = anOrder();
    const event = confirmedEvent(order);
    await deliver('order/order.confirmed', event);
    const again = await deliver('order/order.confirmed', event);
    expect(again.map((run) => run.status)).toEqual(['Completed']);
    expect(again[0]!.output).toMatchObject({ status: 'sent', alreadySent: true });

    expect(await inbox(order.email)).toHaveLength(1);
    expect(await records(order.number)).toHaveLength(1);
  });

  it('sends a guest to the tracking page, and asks for cash on delivery', async () => {
    const order = anOrder({ guest: true });
    await deliver('order/order.confirmed', {
      ...confirmedEvent(order),
      paymentMethod: 'cash_on_delivery',
    });
    const [email] = await inbox(order.email);
    expect(email!.text).toContain(`${storefrontUrl}/orders/track?number=${order.number}`);
    expect(email!.text).not.toContain('/account/orders/');
    expect(email!.text).toContain('Please have €1,604.38 ready to pay when it arrives.');
    expect(email!.text).toContain('Payment method: Cash on delivery');
  });

  it('is retried after a transient SMTP refusal and then delivered once', async () => {
    const order = anOrder();
    capture.rejectNext({ code: 421, message: 'Too busy, try again later' });
    const runs = await deliver('order/order.confirmed', confirmedEvent(order));
    expect(runs.map((run) => run.status)).toEqual(['Completed']);

    expect(await inbox(order.email)).toHaveLength(1);
    const [record] = await records(order.number);
    expect(record).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('sends nothing, without failing, for an anonymised order (no email)', async () => {
    const anonymised = anOrder();
    const { email: _dropped, ...withoutEmail } = confirmedEvent(anonymised);
    const quiet = await deliver('order/order.confirmed', withoutEmail);
    expect(quiet.map((run) => run.status)).toEqual(['Completed']);
    expect(quiet[0]!.output).toEqual({ status: 'skipped', reason: 'no-recipient' });
    expect(await records(anonymised.number)).toEqual([]);
    expect(await inbox(anonymised.email)).toEqual([]);
  });
});

describe('cancellation emails', () => {
  const cancelled = (order: ReturnType<typeof anOrder>, fields: Record<string, unknown>) => ({
    ...order,
    refundedMinor: 0,
    totalMinor: 4_999,
    currency: 'EUR',
    ...fields,
  });

  it('tells the shopper why a payment failed and that they can try again', async () => {
    const order = anOrder();
    const event = cancelled(order, {
      code: 'payment_failed',
      message: 'Your card has insufficient funds.',
    });
    await deliver('order/order.cancelled', event);
    await deliver('order/order.cancelled', event); // redelivered

    const emails = await inbox(order.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe(`Payment for order ${order.number} did not go through`);
    const text = emails[0]!.text;
    expect(text).toContain(`we could not take the payment of €49.99 for order ${order.number}`);
    expect(text).toContain('Your card has insufficient funds.');
    expect(text).toContain('No money was taken');
    expect(text).toContain(`Try again ${storefrontUrl}/cart`);
  });

  it('says why the order was cancelled and how much was refunded', async () => {
    const order = anOrder();
    await deliver(
      'order/order.cancelled',
      cancelled(order, {
        code: 'customer_request',
        message: 'You cancelled the order.',
        refundedMinor: 4_999,
      }),
    );
    const [email] = await inbox(order.email);
    expect(email!.subject).toBe(`Order ${order.number} cancelled`);
    expect(email!.text).toContain('You cancelled the order.');
    expect(email!.text).toContain('We are refunding €49.99 to your original payment method');
    expect(email!.text).toContain(`${storefrontUrl}/account/orders/${order.orderId}`);
  });

  it('says nothing was charged when a sold-out order is cancelled', async () => {
    const order = anOrder({ guest: true });
    await deliver(
      'order/order.cancelled',
      cancelled(order, {
        code: 'sold_out',
        message: 'Oak Desk Lamp sold out before we could reserve it.',
      }),
    );
    const [email] = await inbox(order.email);
    expect(email!.text).toContain('Oak Desk Lamp sold out before we could reserve it.');
    expect(email!.text).toContain('Nothing was charged for this order.');
    expect(email!.text).not.toMatch(/refund/i);
  });

  it('passes on what happened when a payment came too late, without claiming nothing was charged', async () => {
    const order = anOrder();
    const message =
      'Your payment arrived after we had to release the items. It has been refunded in full.';
    await deliver('order/order.cancelled', cancelled(order, { code: 'payment_timeout', message }));
    const [email] = await inbox(order.email);
    expect(email!.subject).toBe(`Order ${order.number} cancelled`);
    expect(email!.text).toContain(message);
    expect(email!.text).not.toMatch(/nothing was charged|no money was taken/i);
  });

  it('sends nothing about an order cancelled because its account was deleted', async () => {
    const order = anOrder();
    const runs = await deliver(
      'order/order.cancelled',
      cancelled(order, { code: 'account_deleted', message: 'The account was deleted.' }),
    );
    expect(runs.map((run) => run.status)).toEqual(['Completed']);
    expect(await inbox(order.email)).toEqual([]);
  });
});

describe('shipping and delivery emails', () => {
  it('gives the carrier, the tracking number and the tracking link', async () => {
    const order = anOrder();
    const trackingUrl = 'https://track.example.com/parcels/JD014600003';
    await deliver('order/order.shipped', {
      ...order,
      carrier: 'DHL',
      trackingNumber: 'JD014600003',
      trackingUrl,
    });
    const [email] = await inbox(order.email);
    expect(email!.subject).toBe(`Order ${order.number} is on its way`);
    expect(email!.text).toContain('Carrier: DHL');
    expect(email!.text).toContain('Tracking number: JD014600003');
    expect(email!.text).toContain(`Track your parcel ${trackingUrl}`);
    expect(email!.html).toContain(`href="${trackingUrl}"`);
  });

  it('tells the shopper the order arrived', async () => {
    const order = anOrder();
    await deliver('order/order.delivered', order);
    const [email] = await inbox(order.email);
    expect(email!.subject).toBe(`Order ${order.number} has been delivered`);
    expect(email!.text).toContain(`order ${order.number} has been delivered`);
    expect(email!.text).toContain(`${storefrontUrl}/account/orders/${order.orderId}`);
  });
});

describe('refund emails', () => {
  it('sends one email per refund, with the amount and the total refunded so far', async () => {
    const order = anOrder();
    const refund = (refundId: string, amountMinor: number, totalRefundedMinor: number) => ({
      ...order,
      refundId,
      amountMinor,
      totalRefundedMinor,
      currency: 'EUR',
      reason: 'Damaged in transit',
    });
    const first = refund(hex(8), 1_500, 1_500);
    await deliver('order/order.refunded', first);
    await deliver('order/order.refunded', refund(hex(8), 2_500, 4_000));
    await deliver('order/order.refunded', first); // redelivered

    const emails = await inbox(order.email);
    expect(emails).toHaveLength(2);
    const texts = emails.map((email) => email.text);
    expect(emails.map((email) => email.subject)).toEqual([
      `Refund for order ${order.number}`,
      `Refund for order ${order.number}`,
    ]);
    expect(
      texts.some((text) => /This refund: €15\.00[\s\S]*Refunded in total: €15\.00/.test(text)),
    ).toBe(true);
    expect(
      texts.some((text) => /This refund: €25\.00[\s\S]*Refunded in total: €40\.00/.test(text)),
    ).toBe(true);
  });
});

// Marketing consent (the subscriber store, double opt-in, unsubscribe, suppression) is tested in
// notification-marketing.test.ts.
