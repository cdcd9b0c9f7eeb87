import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import {
  failureOf,
  newCartToken,
  setAvailable,
  setPrice,
  setProductStatus,
  shopperClient,
  testSkus,
  type TestSku,
} from './support/cart-calls';
import { queryUrl, request } from './support/http';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;
let shopperToken: string;
let skus: TestSku[];

beforeAll(async () => {
  // These tests change prices and stock in products_db directly (no product event) and read the
  // cart at once: no catalog cache nor projection in between (order-cart-prices.test.ts covers
  // the projection).
  process.env.PRODUCT_SKU_DETAILS_CACHE_MS = '0';
  process.env.ORDER_CART_PRICES_MAX_AGE_MS = '0';
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product', 'order']);
  shopperToken = await loginAs(host.url, 'shopper@example.com');
  skus = await testSkus(8, 50);
});
afterAll(async () => {
  await stopTestHosts(host);
  delete process.env.PRODUCT_SKU_DETAILS_CACHE_MS;
  delete process.env.ORDER_CART_PRICES_MAX_AGE_MS;
});

const sku = (index: number) => skus[index] as TestSku;
const label = (item: TestSku) =>
  item.variantLabel ? `${item.name} (${item.variantLabel})` : item.name;

describe('a guest cart', () => {
  it('starts empty, then adds, changes and removes lines, answering the cart re-priced', async () => {
    const guest = shopperClient(host.url, { cartToken: newCartToken() });
    expect(await guest.order.cart.query()).toEqual({
      lines: [],
      itemCount: 0,
      subtotalMinor: 0,
      currency: 'EUR',
      notices: [],
    });

    let cart = await guest.order.addToCart.mutate({ sku: sku(0).sku, quantity: 2 });
    expect(cart.lines).toEqual([
      expect.objectContaining({
        sku: sku(0).sku,
        productId: sku(0).productId,
        name: sku(0).name,
        unitPriceMinor: sku(0).priceMinor,
        quantity: 2,
        lineTotalMinor: sku(0).priceMinor * 2,
        maxQuantity: 50,
        state: 'ok',
      }),
    ]);
    // The same SKU again adds to its line.
    cart = await guest.order.addToCart.mutate({ sku: sku(0).sku.toLowerCase(), quantity: 1 });
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]?.quantity).toBe(3);

    cart = await guest.order.addToCart.mutate({ sku: sku(1).sku, quantity: 1 });
    expect(cart.itemCount).toBe(4);
    expect(cart.subtotalMinor).toBe(sku(0).priceMinor * 3 + sku(1).priceMinor);

    cart = await guest.order.updateCartLine.mutate({ sku: sku(0).sku, quantity: 1 });
    expect(cart.lines.map((line) => [line.sku, line.quantity])).toEqual([
      [sku(0).sku, 1],
      [sku(1).sku, 1],
    ]);
    cart = await guest.order.updateCartLine.mutate({ sku: sku(1).sku, quantity: 0 });
    expect(cart.lines.map((line) => line.sku)).toEqual([sku(0).sku]);
    cart = await guest.order.removeFromCart.mutate({ sku: sku(0).sku });
    expect(cart.lines).toEqual([]);
    // Removing again is a harmless retry.
    expect((await guest.order.removeFromCart.mutate({ sku: sku(0).sku })).lines).toEqual([]);
  });

  it('refuses more than the stock with how many are left, and unknown SKUs', async () => {
    await setAvailable(sku(2).sku, 3);
    const guest = shopperClient(host.url, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: sku(2).sku, quantity: 2 });
    const tooMany = await failureOf(guest.order.addToCart.mutate({ sku: sku(2).sku, quantity: 2 }));
    expect(tooMany).toMatchObject({
      code: 'CONFLICT',
      message: `Only 3 left of ${label(sku(2))} (you have 2 in your cart).`,
    });
    const unknown = await failureOf(
      guest.order.addToCart.mutate({ sku: 'NO-SUCH-SKU', quantity: 1 }),
    );
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'No product has SKU NO-SUCH-SKU' });
    const notInCart = await failureOf(
      guest.order.updateCartLine.mutate({ sku: sku(3).sku, quantity: 2 }),
    );
    expect(notInCart).toMatchObject({ code: 'NOT_FOUND' });
    await setAvailable(sku(2).sku, 50);
  });

  it('answers bad input with 400 naming the field', async () => {
    const response = await request(`${host.url}/trpc/order.addToCart`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cart-token': newCartToken() },
      body: JSON.stringify({ sku: sku(0).sku, quantity: 0 }),
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      error: { data: { issues: [{ path: 'quantity', message: 'at least 1' }] } },
    });
    const tooBig = await request(`${host.url}/trpc/order.addToCart`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cart-token': newCartToken() },
      body: JSON.stringify({ sku: sku(0).sku, quantity: 100, extra: 1 }),
    });
    expect(tooBig.status).toBe(400);
    const paths = (tooBig.json as { error: { data: { issues: { path: string }[] } } }).error.data
      .issues;
    expect(paths.map((issue) => issue.path).sort()).toEqual(['', 'quantity']);
  });

  it('needs a cart token or a signed-in shopper to change anything, and a well-formed token', async () => {
    const nobody = shopperClient(host.url, {});
    expect((await nobody.order.cart.query()).lines).toEqual([]);
    expect(
      await failureOf(nobody.order.addToCart.mutate({ sku: sku(0).sku, quantity: 1 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'No cart: sign in or send the x-cart-token header',
    });
    const forged = await request(queryUrl(host.url, 'order.cart'), {
      headers: { 'x-cart-token': 'not-a-token' },
    });
    expect(forged.status).toBe(400);
  });
});

describe('concurrent changes to one cart', () => {
  it('keep every line: adds of new SKUs, of the same SKU and quantity changes at once', async () => {
    const guest = shopperClient(host.url, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: sku(0).sku, quantity: 1 });
    const newSkus = [1, 2, 3, 4].map((index) => sku(index).sku);
    await Promise.all([
      ...newSkus.map((code) => guest.order.addToCart.mutate({ sku: code, quantity: 1 })),
      // The same new SKU twice: one adds the line, the other adds to it.
      guest.order.addToCart.mutate({ sku: sku(5).sku, quantity: 1 }),
      guest.order.addToCart.mutate({ sku: sku(5).sku, quantity: 2 }),
      guest.order.updateCartLine.mutate({ sku: sku(0).sku, quantity: 4 }),
      guest.order.removeFromCart.mutate({ sku: sku(6).sku }),
    ]);
    const cart = await guest.order.cart.query();
    expect(cart.lines.map((line) => [line.sku, line.quantity]).sort()).toEqual(
      [[sku(0).sku, 4], ...newSkus.map((code) => [code, 1]), [sku(5).sku, 3]].sort(),
    );
  });
});

describe('the line limit', () => {
  it('holds 50 different items and refuses a 51st, still taking more of one it holds', async () => {
    const many = await testSkus(51, 50, 300);
    expect(many).toHaveLength(51);
    const guest = shopperClient(host.url, { cartToken: newCartToken() });
    const add = (item: TestSku) => guest.order.addToCart.mutate({ sku: item.sku, quantity: 1 });
    await add(many[0] as TestSku); // creates the cart
    // The other 49 seven at a time: each is its own conditional write.
    for (let start = 1; start < 50; start += 7) {
      await Promise.all(many.slice(start, Math.min(start + 7, 50)).map(add));
    }
    expect((await guest.order.cart.query()).lines).toHaveLength(50);
    const last = many[50] as TestSku;
    expect(
      await failureOf(guest.order.addToCart.mutate({ sku: last.sku, quantity: 1 })),
    ).toMatchObject({ code: 'CONFLICT', message: 'A cart holds at most 50 different items.' });
    const more = await add(many[0] as TestSku);
    expect(more.lines).toHaveLength(50);
    expect(more.itemCount).toBe(51);
  }, 120_000);
});

describe('re-pricing', () => {
  it('tells the shopper once when a price changed', async () => {
    const guest = shopperClient(host.url, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: sku(4).sku, quantity: 1 });
    const newPrice = sku(4).priceMinor + 300;
    await setPrice(sku(4).sku, newPrice);
    try {
      const cart = await guest.order.cart.query();
      expect(cart.lines[0]).toMatchObject({ unitPriceMinor: newPrice, lineTotalMinor: newPrice });
      const format = (minor: number) => `€${(minor / 100).toFixed(2)}`;
      expect(cart.notices).toEqual([
        {
          sku: sku(4).sku,
          kind: 'price_changed',
          message: `The price of ${label(sku(4))} changed from ${format(sku(4).priceMinor)} to ${format(newPrice)}.`,
        },
      ]);
      expect((await guest.order.cart.query()).notices).toEqual([]);
    } finally {
      await setPrice(sku(4).sku, sku(4).priceMinor);
    }
  });

  it('reduces a quantity the stock no longer covers, and keeps a sold-out line visible', async () => {
    const guest = shopperClient(host.url, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: sku(5).sku, quantity: 4 });
    await guest.order.addToCart.mutate({ sku: sku(6).sku, quantity: 1 });
    await setAvailable(sku(5).sku, 2);
    await setAvailable(sku(6).sku, 0);

    const cart = await guest.order.cart.query();
    expect(
      cart.lines.map((line) => [line.sku, line.quantity, line.state, line.maxQuantity]),
    ).toEqual([
      [sku(5).sku, 2, 'low_stock', 2],
      [sku(6).sku, 1, 'out_of_stock', 0],
    ]);
    expect(cart.notices).toEqual([
      {
        sku: sku(5).sku,
        kind: 'quantity_reduced',
        message: `Only 2 left of ${label(sku(5))}: the quantity was reduced from 4 to 2.`,
      },
      {
        sku: sku(6).sku,
        kind: 'out_of_stock',
        message: `${label(sku(6))} is sold out. Remove it to check out.`,
      },
    ]);
    // The sold-out line does not count towards the subtotal.
    expect(cart.subtotalMinor).toBe(sku(5).priceMinor * 2);
    // The reduction is told once; the sold-out line is told until it is removed.
    const again = await guest.order.cart.query();
    expect(again.notices.map((notice) => notice.kind)).toEqual(['out_of_stock']);
    // Fewer of a sold-out line is always allowed (an increase is not).
    await setAvailable(sku(5).sku, 0);
    const fewer = await guest.order.updateCartLine.mutate({ sku: sku(5).sku, quantity: 1 });
    expect(fewer.lines[0]).toMatchObject({ quantity: 1, state: 'out_of_stock' });
    expect(
      await failureOf(guest.order.updateCartLine.mutate({ sku: sku(5).sku, quantity: 2 })),
    ).toMatchObject({ code: 'CONFLICT', message: `${label(sku(5))} is sold out.` });
    await setAvailable(sku(5).sku, 50);
    await setAvailable(sku(6).sku, 50);
  });
});

describe('a withdrawn product', () => {
  it('stays in the cart as unavailable, outside the subtotal, until it is removed', async () => {
    const guest = shopperClient(host.url, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: sku(2).sku, quantity: 1 });
    await guest.order.addToCart.mutate({ sku: sku(3).sku, quantity: 1 });
    await setProductStatus(sku(2).sku, 'archived');
    try {
      const cart = await guest.order.cart.query();
      expect(cart.lines[0]).toMatchObject({
        sku: sku(2).sku,
        name: sku(2).name,
        state: 'unavailable',
        maxQuantity: 0,
      });
      expect(cart.subtotalMinor).toBe(sku(3).priceMinor);
      expect(cart.notices).toEqual([
        {
          sku: sku(2).sku,
          kind: 'unavailable',
          message: `${label(sku(2))} is no longer available. Remove it to check out.`,
        },
      ]);
      expect(
        await failureOf(guest.order.addToCart.mutate({ sku: sku(2).sku, quantity: 1 })),
      ).toMatchObject({ code: 'CONFLICT', message: `${label(sku(2))} is no longer available.` });
      const removed = await guest.order.removeFromCart.mutate({ sku: sku(2).sku });
      expect(removed.notices).toEqual([]);
    } finally {
      await setProductStatus(sku(2).sku, 'active');
    }
  });
});

describe('a signed-in cart', () => {
  it('belongs to the account, and a guest cart merges into it once on sign-in', async () => {
    const cartToken = newCartToken();
    const guest = shopperClient(host.url, { cartToken });
    const account = shopperClient(host.url, { accessToken: shopperToken });
    for (const line of (await account.order.cart.query()).lines) {
      await account.order.removeFromCart.mutate({ sku: line.sku });
    }
    await account.order.addToCart.mutate({ sku: sku(0).sku, quantity: 1 });
    await guest.order.addToCart.mutate({ sku: sku(0).sku, quantity: 2 });
    await guest.order.addToCart.mutate({ sku: sku(7).sku, quantity: 1 });

    // The account's cart is its own: the guest's lines are not in it until both meet.
    expect((await account.order.cart.query()).itemCount).toBe(1);

    const signedIn = shopperClient(host.url, { cartToken, accessToken: shopperToken });
    const [first, second] = await Promise.all([
      signedIn.order.cart.query(),
      signedIn.order.cart.query(),
    ]);
    const merged = await signedIn.order.cart.query();
    expect(merged.lines.map((line) => [line.sku, line.quantity])).toEqual([
      [sku(0).sku, 3],
      [sku(7).sku, 1],
    ]);
    // Concurrent first calls never merged twice.
    expect(Math.max(first?.itemCount ?? 0, second?.itemCount ?? 0)).toBeLessThanOrEqual(4);
    // Signed in from another device (no token), it is the same cart.
    expect((await account.order.cart.query()).itemCount).toBe(4);
    // The guest token alone no longer opens those lines.
    expect((await guest.order.cart.query()).lines).toEqual([]);
  });

  it("does not let a guest token reach another shopper's cart", async () => {
    // Sam signs in on a shared computer: the guest cart becomes Sam's.
    const cartToken = newCartToken();
    await shopperClient(host.url, { cartToken }).order.addToCart.mutate({
      sku: sku(3).sku,
      quantity: 2,
    });
    const sam = shopperClient(host.url, { cartToken, accessToken: shopperToken });
    const samsCart = await sam.order.cart.query();
    expect(samsCart.lines.find((line) => line.sku === sku(3).sku)?.quantity).toBe(2);

    // Sue signs in next on the same browser, with the same cookie: nothing of Sam's comes along.
    const sueToken = await loginAs(host.url, 'support@example.com');
    const sue = shopperClient(host.url, { cartToken, accessToken: sueToken });
    expect((await sue.order.cart.query()).lines).toEqual([]);
    // And the token alone opens an empty guest cart, never an account's.
    expect((await shopperClient(host.url, { cartToken }).order.cart.query()).lines).toEqual([]);
    expect((await sam.order.cart.query()).itemCount).toBe(samsCart.itemCount);

    // A forged access token is no identity: the call is a guest's, with its own empty cart.
    const response = await request(queryUrl(host.url, 'order.cart'), {
      headers: { 'x-cart-token': newCartToken(), authorization: 'Bearer forged' },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ result: { data: { lines: [] } } });
  });
});
