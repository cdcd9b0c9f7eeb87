import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SkuDetail } from '../src/cells/product/views';
import {
  failureOf,
  newCartToken,
  setPrice,
  shopperClient,
  type TestSku,
} from './support/cart-calls';
import { request } from './support/http';
import type { CellClient } from './support/login';
import { startOrderHost, type OrderHost } from './support/order-host';
import { sampleValue } from './support/prometheus-text';

/**
 * Carts priced from the order cell's projection of the catalog (sku-projection.ts): no call to
 * the product cell per cart operation, product events refreshing it, a bound on how old an entry
 * may be, and `order.place` charging the product cell's fresh price whatever the projection says.
 */
let platform: OrderHost<'catalog' | 'admin'>;
let hostUrl: string;
let catalogStaff: CellClient;
let sagaCaller: CellClient;
let skus: TestSku[];
const maxAgeMs = 60_000;

beforeAll(async () => {
  platform = await startOrderHost({
    name: 'prices',
    cartPrices: { projectionMaxAgeMs: maxAgeMs },
    skus: { count: 3, stock: 100, skip: 60 },
    signIn: ['catalog', 'admin'],
  });
  ({ url: hostUrl, skus } = platform);
  catalogStaff = platform.staff.catalog.client;
  sagaCaller = platform.staff.admin.client;
}, 60_000);
afterAll(() => platform?.stop());

const sku = (index: number) => skus[index] as TestSku;

/** How many times the product cell has answered `product.skuDetails` so far. */
async function skuDetailsCalls(): Promise<number> {
  const metrics = await request(`${hostUrl}/metrics`);
  return (
    sampleValue(metrics.text, 'trpc_request_duration_seconds_count', {
      procedure: 'product.skuDetails',
    }) ?? 0
  );
}

async function projectionModel() {
  return orderModels(await connectDomainDatabase('order')).SkuProjection;
}

/** A product of one SKU created through the back office (so its changes send product events). */
async function createProduct(skuCode: string, priceMinor: number, onHand: number) {
  return catalogStaff.product.create.mutate({
    slug: skuCode.toLowerCase(),
    name: `Projection ${skuCode}`,
    brand: 'Northlight',
    description: 'A product whose price the cart follows.',
    status: 'active',
    categorySlugs: ['lighting'],
    variants: [{ sku: skuCode, priceMinor, onHand }],
  });
}

const address = {
  name: 'Gina Guest',
  line1: 'Prinsengracht 1',
  city: 'Amsterdam',
  postcode: '1015dk',
  country: 'nl',
};

describe('cart operations', () => {
  it('ask the product cell once for a SKU new to the order cell, then price from the projection', async () => {
    const guest = shopperClient(hostUrl, { cartToken: newCartToken() });
    const before = await skuDetailsCalls();
    const added = await guest.order.addToCart.mutate({ sku: sku(0).sku, quantity: 1 });
    expect(added.lines[0]).toMatchObject({ sku: sku(0).sku, unitPriceMinor: sku(0).priceMinor });
    const afterFirstUse = await skuDetailsCalls();
    expect(afterFirstUse - before).toBe(1);

    await guest.order.updateCartLine.mutate({ sku: sku(0).sku, quantity: 3 });
    await guest.order.cart.query();
    await guest.order.removeFromCart.mutate({ sku: sku(0).sku });
    await guest.order.addToCart.mutate({ sku: sku(0).sku, quantity: 2 });
    const cart = await guest.order.cart.query();
    expect(cart.lines[0]).toMatchObject({ quantity: 2, lineTotalMinor: sku(0).priceMinor * 2 });
    // Five more operations, no call to the product cell.
    expect(await skuDetailsCalls()).toBe(afterFirstUse);

    const stored = await (await projectionModel()).findOne({ sku: sku(0).sku }).lean();
    expect(stored).toMatchObject({
      known: true,
      productId: sku(0).productId,
      priceMinor: sku(0).priceMinor,
      available: 99,
      purchasable: true,
    });
  });
});

describe('a price changed in the back office', () => {
  it('shows in carts within seconds, through the product event, told once', async () => {
    const code = 'PROJ-PRICE-1';
    const product = await createProduct(code, 1500, 20);
    const guest = shopperClient(hostUrl, { cartToken: newCartToken() });
    expect((await guest.order.addToCart.mutate({ sku: code, quantity: 1 })).subtotalMinor).toBe(
      1500,
    );

    await catalogStaff.product.update.mutate({
      id: product.id,
      changes: { variants: [{ sku: code, priceMinor: 1800 }] },
    });
    // The bound is a minute: seeing it within seconds is the event's doing.
    const changed = await waitFor(
      async () => {
        const cart = await guest.order.cart.query();
        return cart.lines[0]?.unitPriceMinor === 1800 && cart;
      },
      { what: 'the cart at the new price', timeoutMs: 15_000, intervalMs: 200 },
    );
    expect(changed.notices).toEqual([
      {
        sku: code,
        kind: 'price_changed',
        message: `The price of Projection ${code} changed from €15.00 to €18.00.`,
      },
    ]);
    expect((await guest.order.cart.query()).notices).toEqual([]);
  });

  it('archived or sold out, shows in carts through the product event', async () => {
    const archivedCode = 'PROJ-ARCHIVED-1';
    const soldOutCode = 'PROJ-SOLDOUT-1';
    const archived = await createProduct(archivedCode, 900, 10);
    await createProduct(soldOutCode, 700, 4);
    const guest = shopperClient(hostUrl, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: archivedCode, quantity: 1 });
    await guest.order.addToCart.mutate({ sku: soldOutCode, quantity: 1 });

    await catalogStaff.product.archive.mutate({ id: archived.id });
    // Another shopper's order takes the last units (the saga's reservation).
    await sagaCaller.product.reserveStock.mutate({
      reservationId: `proj-${randomUUID()}`,
      lines: [{ sku: soldOutCode, quantity: 4 }],
    });
    const cart = await waitFor(
      async () => {
        const read = await guest.order.cart.query();
        const states = read.lines.map((line) => line.state);
        return states.join() === 'unavailable,out_of_stock' && read;
      },
      { what: 'the withdrawn and the sold-out line', timeoutMs: 15_000, intervalMs: 200 },
    );
    expect(cart.subtotalMinor).toBe(0);
    expect(cart.notices.map((notice) => notice.kind)).toEqual(['unavailable', 'out_of_stock']);
    expect(
      await failureOf(guest.order.addToCart.mutate({ sku: soldOutCode, quantity: 1 })),
    ).toMatchObject({ code: 'CONFLICT', message: `Projection ${soldOutCode} is sold out.` });
  });
});

describe('a price changed with no event reaching the order cell', () => {
  it('is charged fresh at order.place, and the cart then shows it', async () => {
    const item = sku(1);
    const guest = shopperClient(hostUrl, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: item.sku, quantity: 1 });
    const newPrice = item.priceMinor + 250;
    await setPrice(item.sku, newPrice); // straight into products_db: no event

    // Within the bound the cart keeps the price it was shown...
    const shown = await guest.order.quote.query({ shippingMethodId: 'standard', country: 'NL' });
    expect(shown.subtotalMinor).toBe(item.priceMinor);
    // ...but placing it checks the product cell: the shopper is never charged the stale price.
    const placeInput = (expectedTotalMinor: number) => ({
      idempotencyKey: randomUUID(),
      email: 'gina.guest@example.com',
      shippingAddress: address,
      shippingMethodId: 'standard',
      paymentMethod: 'card' as const,
      expectedTotalMinor,
    });
    const refused = await failureOf(guest.order.place.mutate(placeInput(shown.totalMinor)));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(
      /^Your cart changed: the total is now €[\d.,]+, not €[\d.,]+\./,
    );
    expect(refused.message).toContain(`changed from €`);

    // The check refreshed the projection: the cart and the quote show what place charges.
    const cart = await guest.order.cart.query();
    expect(cart.lines[0]).toMatchObject({ unitPriceMinor: newPrice });
    const requoted = await guest.order.quote.query({ shippingMethodId: 'standard', country: 'NL' });
    expect(requoted.subtotalMinor).toBe(newPrice);
    const placed = await guest.order.place.mutate(placeInput(requoted.totalMinor));
    const { Order } = orderModels(await connectDomainDatabase('order'));
    const order = await Order.findById(placed.orderId).lean();
    expect(order?.lines.map((line) => [line.sku, line.unitPriceMinor])).toEqual([
      [item.sku, newPrice],
    ]);
    expect(order?.totalMinor).toBe(requoted.totalMinor);
  });

  it('shows in carts once the entry is older than the bound', async () => {
    const item = sku(2);
    const guest = shopperClient(hostUrl, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: item.sku, quantity: 1 });
    const newPrice = item.priceMinor + 120;
    await setPrice(item.sku, newPrice);
    expect((await guest.order.cart.query()).lines[0]?.unitPriceMinor).toBe(item.priceMinor);

    // As if a minute had passed since the order cell last had this SKU from the product cell.
    const SkuProjection = await projectionModel();
    await SkuProjection.updateOne(
      { sku: item.sku },
      { $set: { checkedAt: new Date(Date.now() - maxAgeMs - 1000) } },
    );
    // Each replica also keeps entries it read for up to a second.
    const cart = await waitFor(
      async () => {
        const read = await guest.order.cart.query();
        return read.lines[0]?.unitPriceMinor === newPrice && read;
      },
      { what: 'the cart at the new price', timeoutMs: 5_000, intervalMs: 200 },
    );
    expect(cart.notices.map((notice) => notice.kind)).toEqual(['price_changed']);
    const stored = await SkuProjection.findOne({ sku: item.sku }).lean();
    expect(stored?.priceMinor).toBe(newPrice);
    expect(Date.now() - (stored?.checkedAt.getTime() ?? 0)).toBeLessThan(maxAgeMs);
  });
});

describe('the projection', () => {
  it('keeps the newest answer when answers arrive out of order or twice', async () => {
    // Cell modules load after the host started (see host-with-executor).
    const { writeProjected, readProjection } =
      await import('../src/cells/order/sku-projection-store');
    const code = 'PROJ-ORDER-1';
    const now = Date.now();
    const detail = (priceMinor: number, changedAtMs: number): SkuDetail => ({
      sku: code,
      productId: '65f000000000000000000001',
      slug: 'proj-order-1',
      name: 'Ordering lamp',
      variantLabel: '',
      priceMinor,
      currency: 'EUR',
      taxClass: 'standard',
      purchasable: true,
      available: 12,
      changedAtMs,
    });
    const entry = (priceMinor: number, changedAtMs: number, checkedAtMs = now) => ({
      sku: code,
      detail: detail(priceMinor, changedAtMs),
      sourceChangedAtMs: changedAtMs,
      checkedAtMs,
    });
    const trustedSince = now - maxAgeMs;
    const newer = entry(2000, now - 1_000);
    const older = entry(1000, now - 5_000);

    expect(await writeProjected(newer, trustedSince)).toBe(true);
    // The older answer, arriving later, is refused.
    expect(await writeProjected(older, trustedSince)).toBe(false);
    // The same answer again changes nothing and adds no entry.
    expect(await writeProjected(newer, trustedSince)).toBe(true);
    const SkuProjection = await projectionModel();
    expect(await SkuProjection.countDocuments({ sku: code })).toBe(1);
    expect((await readProjection([code]))[0]?.detail?.priceMinor).toBe(2000);

    // An entry past the bound is replaced whatever its time (a product-cell clock that ran ahead
    // cannot pin it).
    await SkuProjection.updateOne(
      { sku: code },
      { $set: { checkedAt: new Date(now - maxAgeMs - 1) } },
    );
    expect(await writeProjected(older, trustedSince)).toBe(true);
    expect((await readProjection([code]))[0]?.detail?.priceMinor).toBe(1000);

    // A SKU the catalog no longer knows keeps its product, without price or stock.
    expect(
      await writeProjected({ sku: code, sourceChangedAtMs: now, checkedAtMs: now }, trustedSince),
    ).toBe(true);
    const unknown = await SkuProjection.findOne({ sku: code }).lean();
    expect(unknown).toMatchObject({ known: false, productId: '65f000000000000000000001' });
    expect(unknown?.priceMinor).toBeUndefined();
    expect((await readProjection([code]))[0]?.detail).toBeUndefined();

    // A SKU the catalog never had leaves nothing behind (anyone can ask for any string).
    const never = { sku: 'PROJ-NEVER-1', sourceChangedAtMs: now, checkedAtMs: now };
    expect(await writeProjected(never, trustedSince)).toBe(false);
    expect(await SkuProjection.countDocuments({ sku: 'PROJ-NEVER-1' })).toBe(0);
  });

  it('is refreshed once per redelivered event, ending at the product cell’s current state', async () => {
    const code = 'PROJ-TWICE-1';
    const product = await createProduct(code, 2500, 30);
    const guest = shopperClient(hostUrl, { cartToken: newCartToken() });
    await guest.order.addToCart.mutate({ sku: code, quantity: 1 });
    await catalogStaff.product.update.mutate({
      id: product.id,
      changes: { variants: [{ sku: code, priceMinor: 2700 }] },
    });
    // The same event delivered twice more, after the change it announced.
    const { sendEvent } = await import('../src/events/inngest-client');
    const { productUpdated } = await import('../src/events/schemas');
    for (let delivery = 0; delivery < 2; delivery += 1) {
      await sendEvent('product', productUpdated, {
        productId: product.id,
        slug: code.toLowerCase(),
      });
    }
    const SkuProjection = await projectionModel();
    await waitFor(
      async () => (await SkuProjection.findOne({ sku: code }).lean())?.priceMinor === 2700,
      { what: 'the projected price', timeoutMs: 15_000, intervalMs: 200 },
    );
    expect(await SkuProjection.countDocuments({ sku: code })).toBe(1);
    expect((await guest.order.cart.query()).lines[0]?.unitPriceMinor).toBe(2700);
  });
});
