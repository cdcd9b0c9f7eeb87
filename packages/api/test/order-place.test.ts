import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  failureOf,
  newCartToken,
  setAvailable,
  shopperClient,
  type TestSku,
} from './support/cart-calls';
import { request } from './support/http';
import { loginAs } from './support/login';
import { startOrderHost, type OrderHost } from './support/order-host';

let platform: OrderHost<never>;
let hostUrl: string;
let skus: TestSku[];

beforeAll(async () => {
  platform = await startOrderHost({
    name: 'place',
    // The tests change prices and stock in products_db directly (no product event).
    cartPrices: 'fresh',
    skus: { count: 6, stock: 200, skip: 40 },
  });
  ({ url: hostUrl, skus } = platform);
}, 60_000);
afterAll(() => platform?.stop());

const sku = (index: number) => skus[index] as TestSku;

const address = {
  name: 'Gina Guest',
  line1: 'Prinsengracht 1',
  city: 'Amsterdam',
  postcode: '1015dk',
  country: 'nl',
};

/** `order/order.created` events the executor received for an order. */
async function createdEventsFor(orderId: string): Promise<number> {
  const connection = await connectDomainDatabase('order');
  const executorDb = connection.useDb(`${process.env.MONGODB_DB_PREFIX ?? ''}inngest_local`);
  return executorDb
    .collection('events')
    .countDocuments({ name: 'order/order.created', payloadJson: { $regex: orderId } });
}

async function guestWithCart(lines: [TestSku, number][]) {
  const cartToken = newCartToken();
  const guest = shopperClient(hostUrl, { cartToken });
  for (const [item, quantity] of lines) {
    await guest.order.addToCart.mutate({ sku: item.sku, quantity });
  }
  const totals = await guest.order.quote.query({ shippingMethodId: 'standard', country: 'NL' });
  return { cartToken, guest, totals };
}

function placeInput(expectedTotalMinor: number, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    email: 'Gina.Guest@example.com',
    shippingAddress: address,
    shippingMethodId: 'standard',
    paymentMethod: 'card' as const,
    expectedTotalMinor,
    ...overrides,
  };
}

describe('order.place', () => {
  it('places a guest cart as a PENDING order with its totals, saga event and access token', async () => {
    const { guest, totals } = await guestWithCart([
      [sku(0), 2],
      [sku(1), 1],
    ]);
    const subtotal = sku(0).priceMinor * 2 + sku(1).priceMinor;
    expect(totals).toMatchObject({
      subtotalMinor: subtotal,
      taxRateBasisPoints: 2100,
      notices: [],
    });

    const placed = await guest.order.place.mutate(placeInput(totals.totalMinor));
    expect(placed).toMatchObject({
      status: 'PENDING',
      number: expect.stringMatching(/^SO-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/),
    });
    expect(placed.guestAccessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const { Order } = orderModels(await connectDomainDatabase('order'));
    const order = await Order.findById(placed.orderId).lean();
    expect(order).toMatchObject({
      number: placed.number,
      subtotalMinor: subtotal,
      totalMinor: totals.totalMinor,
      taxMinor: totals.taxMinor,
      shippingMinor: totals.shippingMinor,
      currency: 'EUR',
      paymentMethod: 'card',
      customer: { name: 'Gina Guest', email: 'gina.guest@example.com' },
      shippingAddress: { postcode: '1015 DK', country: 'NL' },
      shipping: { methodId: 'standard' },
    });
    expect(order?.accountId).toBeUndefined();
    expect(order?.guestAccessTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(order?.history[0]).toMatchObject({ to: 'PENDING', actor: { type: 'customer' } });
    expect(order?.lines.map((line) => [line.sku, line.quantity, line.lineTotalMinor])).toEqual([
      [sku(0).sku, 2, sku(0).priceMinor * 2],
      [sku(1).sku, 1, sku(1).priceMinor],
    ]);
    expect(await createdEventsFor(placed.orderId)).toBe(1);
    // The cart is empty once the order is placed.
    expect((await guest.order.cart.query()).lines).toEqual([]);
  });

  it('places nothing when the total differs from what the shopper saw', async () => {
    const { guest, totals } = await guestWithCart([[sku(2), 1]]);
    const failure = await failureOf(guest.order.place.mutate(placeInput(totals.totalMinor - 1)));
    expect(failure.code).toBe('CONFLICT');
    expect(failure.message).toMatch(
      /^Your cart changed: the total is now €[\d.,]+, not €[\d.,]+\./,
    );
    // The cart is untouched, and the same submission with the right total goes through.
    expect((await guest.order.cart.query()).itemCount).toBe(1);
    const placed = await guest.order.place.mutate(placeInput(totals.totalMinor));
    expect(placed.status).toBe('PENDING');
  });

  it('turns 50 concurrent submissions with one key into one order and one event', async () => {
    const { cartToken, totals } = await guestWithCart([[sku(3), 1]]);
    const input = placeInput(totals.totalMinor);
    // One client (and so one HTTP request) per submission, like 50 impatient clicks.
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        shopperClient(hostUrl, { cartToken }).order.place.mutate(input),
      ),
    );
    const orderIds = new Set(answers.map((answer) => answer.orderId));
    expect(orderIds.size).toBe(1);
    // The access token is handed out once, to the submission that created the order.
    expect(answers.filter((answer) => answer.guestAccessToken)).toHaveLength(1);
    const { Order } = orderModels(await connectDomainDatabase('order'));
    const [orderId] = [...orderIds];
    expect(await Order.countDocuments({ idempotencyKey: { $regex: input.idempotencyKey } })).toBe(
      1,
    );
    expect(await createdEventsFor(orderId ?? '')).toBe(1);
    // A retry much later answers the same order.
    const retry = await shopperClient(hostUrl, { cartToken }).order.place.mutate(input);
    expect(retry.orderId).toBe(orderId);
  });

  it("scopes the key to the shopper: another shopper's same key never reaches that order", async () => {
    const first = await guestWithCart([[sku(4), 1]]);
    const input = placeInput(first.totals.totalMinor);
    const placed = await first.guest.order.place.mutate(input);

    const other = shopperClient(hostUrl, { cartToken: newCartToken() });
    const failure = await failureOf(other.order.place.mutate(input));
    expect(failure).toMatchObject({ code: 'CONFLICT', message: 'Your cart is empty.' });

    const shopperToken = await loginAs(hostUrl, 'shopper@example.com');
    const signedIn = shopperClient(hostUrl, { accessToken: shopperToken });
    for (const line of (await signedIn.order.cart.query()).lines) {
      await signedIn.order.removeFromCart.mutate({ sku: line.sku });
    }
    expect(await failureOf(signedIn.order.place.mutate(input))).toMatchObject({
      message: 'Your cart is empty.',
    });
    expect(placed.orderId).toBeTruthy();
  });

  it('places a signed-in cart for the account, with no guest token', async () => {
    const shopperToken = await loginAs(hostUrl, 'shopper@example.com');
    const signedIn = shopperClient(hostUrl, { accessToken: shopperToken });
    await signedIn.order.addToCart.mutate({ sku: sku(5).sku, quantity: 1 });
    const totals = await signedIn.order.quote.query({ shippingMethodId: 'express', country: 'DE' });
    expect(totals.taxRateBasisPoints).toBe(1900);
    const placed = await signedIn.order.place.mutate(
      placeInput(totals.totalMinor, {
        email: 'shopper@example.com',
        shippingMethodId: 'express',
        shippingAddress: { ...address, city: 'Berlin', postcode: '10115', country: 'DE' },
        paymentMethod: 'cash_on_delivery',
      }),
    );
    expect(placed.guestAccessToken).toBeUndefined();
    const { Order } = orderModels(await connectDomainDatabase('order'));
    const order = await Order.findById(placed.orderId).lean();
    expect(order?.accountId?.toString()).toMatch(/^[0-9a-f]{24}$/);
    expect(order?.history[0]?.actor).toMatchObject({
      type: 'customer',
      id: order?.accountId?.toString(),
    });
    expect(order?.shipping).toMatchObject({ methodId: 'express', priceMinor: 1295 });
  });

  it('refuses a cart with a sold-out line, naming it', async () => {
    const { guest, totals } = await guestWithCart([[sku(0), 1]]);
    await setAvailable(sku(0).sku, 0);
    try {
      const failure = await failureOf(guest.order.place.mutate(placeInput(totals.totalMinor)));
      expect(failure.code).toBe('CONFLICT');
      expect(failure.message).toContain('is sold out');
    } finally {
      await setAvailable(sku(0).sku, 200);
    }
  });

  it('answers bad input with 400 naming the field', async () => {
    const { cartToken, totals } = await guestWithCart([[sku(1), 1]]);
    const post = (input: unknown) =>
      request(`${hostUrl}/trpc/order.place`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cart-token': cartToken },
        body: JSON.stringify(input),
      });
    const issuesOf = (json: unknown) =>
      (json as { error: { data: { issues: { path: string; message: string }[] } } }).error.data
        .issues;

    const badPostcode = await post(
      placeInput(totals.totalMinor, { shippingAddress: { ...address, postcode: 'ABC' } }),
    );
    expect(badPostcode.status).toBe(400);
    expect(issuesOf(badPostcode.json)).toEqual([
      { path: 'shippingAddress.postcode', message: 'not a valid Dutch postcode, e.g. 1234 AB' },
    ]);

    const badFields = await post(
      placeInput(-5, { idempotencyKey: 'again', email: 'nope', paymentMethod: 'cheque' }),
    );
    expect(badFields.status).toBe(400);
    expect(
      issuesOf(badFields.json)
        .map((issue) => issue.path)
        .sort(),
    ).toEqual(['email', 'expectedTotalMinor', 'idempotencyKey', 'paymentMethod']);

    const unknownMethod = await post(placeInput(totals.totalMinor, { shippingMethodId: 'drone' }));
    expect(unknownMethod.status).toBe(400);
    expect(issuesOf(unknownMethod.json)).toEqual([
      { path: 'shippingMethodId', message: 'no shipping method "drone"' },
    ]);
  });
});
