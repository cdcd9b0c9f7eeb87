import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failureOf, newCartToken, shopperClient, type TestSku } from './support/cart-calls';
import { clientOf, loginAs, type CellClient } from './support/login';
import { startOrderHost, type OrderHost } from './support/order-host';

// Prices including tax (EU) or excluding it (US), tax classes, rates per country, over HTTP.
// The arithmetic itself is order-taxes-arithmetic.test.ts; docs/taxes.md states the rules.

let platform: OrderHost<'orders' | 'catalog' | 'analyst'>;
let hostUrl: string;
let skus: TestSku[];
let orders: CellClient;
let catalog: CellClient;
let analyst: CellClient;

beforeAll(async () => {
  platform = await startOrderHost({
    name: 'taxes',
    // The tests change prices and stock in products_db directly (no product event).
    cartPrices: 'fresh',
    skus: { count: 3, stock: 500, skip: 20 },
    signIn: ['orders', 'catalog', 'analyst'],
  });
  ({ url: hostUrl, skus } = platform);
  orders = platform.staff.orders.client;
  catalog = platform.staff.catalog.client;
  analyst = platform.staff.analyst.client;
}, 60_000);
afterAll(() => platform?.stop());

const sku = (index: number) => skus[index] as TestSku;

/** The settings as staff saved them, with some changes (the admin page sends them whole). */
async function saveSettings(change: {
  pricesIncludeTax?: boolean;
  rates?: Record<string, { standard: number; reduced?: number; zero?: number }>;
}) {
  const current = await orders.order.shippingSettings.query();
  return orders.order.saveShippingSettings.mutate({
    ...(change.pricesIncludeTax !== undefined && { pricesIncludeTax: change.pricesIncludeTax }),
    shippingMethods: current.shippingMethods,
    taxRates: current.taxRates.map((rate) => {
      const wanted = change.rates?.[rate.country];
      return wanted
        ? {
            country: rate.country,
            taxRateBasisPoints: wanted.standard,
            reducedRateBasisPoints: wanted.reduced ?? rate.reducedRateBasisPoints,
            zeroRateBasisPoints: wanted.zero ?? rate.zeroRateBasisPoints,
          }
        : rate;
    }),
  });
}

/** Staff set a product's tax class in the editor (`product.update`). */
async function setTaxClass(item: TestSku, taxClass: 'standard' | 'reduced' | 'zero') {
  await catalog.product.update.mutate({ id: item.productId, changes: { taxClass } });
}

async function guestCart(lines: [TestSku, number][]) {
  const guest = shopperClient(hostUrl, { cartToken: newCartToken() });
  for (const [item, quantity] of lines) {
    await guest.order.addToCart.mutate({ sku: item.sku, quantity });
  }
  return guest;
}

const nl = { shippingMethodId: 'standard', country: 'NL' } as const;

beforeEach(async () => {
  // Every test starts from the demo shop: prices include VAT, NL 21 % / 9 % / 0 %.
  await saveSettings({ pricesIncludeTax: true, rates: { NL: { standard: 2100, reduced: 900 } } });
  for (const item of skus) await setTaxClass(item, 'standard');
});

/** VAT contained in a gross amount, half up: what the shopper's receipt must say. */
const contained = (gross: number, bp: number) =>
  Math.floor((gross * bp + (10_000 + bp) / 2) / (10_000 + bp));
const added = (net: number, bp: number) => Math.floor((net * bp + 5_000) / 10_000);

describe('prices including tax (the demo shop)', () => {
  it('charges the prices as shown and tells the VAT they contain, per line', async () => {
    const options = await shopperClient(hostUrl, {}).order.checkoutOptions.query();
    expect(options.pricesIncludeTax).toBe(true);
    expect(options.countries.find((country) => country.code === 'NL')).toMatchObject({
      taxRateBasisPoints: 2100,
      reducedRateBasisPoints: 900,
      zeroRateBasisPoints: 0,
    });

    const guest = await guestCart([
      [sku(0), 1],
      [sku(1), 2],
    ]);
    const quote = await guest.order.quote.query(nl);
    const subtotal = sku(0).priceMinor + sku(1).priceMinor * 2;
    expect(quote.pricesIncludeTax).toBe(true);
    // Nothing is added: the total is the prices plus shipping.
    expect(quote.totalMinor).toBe(subtotal + quote.shippingMinor);
    expect(quote.lineTaxes).toEqual([
      expect.objectContaining({
        sku: sku(0).sku,
        taxClass: 'standard',
        taxMinor: contained(sku(0).priceMinor, 2100),
      }),
      expect.objectContaining({
        sku: sku(1).sku,
        taxRateBasisPoints: 2100,
        taxMinor: contained(sku(1).priceMinor * 2, 2100),
      }),
    ]);
    expect(quote.taxMinor).toBe(
      contained(sku(0).priceMinor, 2100) +
        contained(sku(1).priceMinor * 2, 2100) +
        contained(quote.shippingMinor, 2100),
    );
  });

  it('taxes each line at its class: reduced and zero products set in the editor', async () => {
    await setTaxClass(sku(0), 'reduced');
    await setTaxClass(sku(1), 'zero');
    // The editor shows the class it saved.
    expect(await catalog.product.byId.query({ id: sku(0).productId })).toMatchObject({
      taxClass: 'reduced',
    });
    // The CSV export carries it (its own column, on the product's first row).
    const { text } = await catalog.product.exportProductsCsv.query();
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    const product = await catalog.product.byId.query({ id: sku(0).productId });
    expect(rows.find((row) => row.handle === product.slug)?.tax_class).toBe('reduced');

    const guest = await guestCart([
      [sku(0), 1],
      [sku(1), 1],
      [sku(2), 1],
    ]);
    const quote = await guest.order.quote.query(nl);
    expect(
      quote.lineTaxes.map((line) => [line.taxClass, line.taxRateBasisPoints, line.taxMinor]),
    ).toEqual([
      ['reduced', 900, contained(sku(0).priceMinor, 900)],
      ['zero', 0, 0],
      ['standard', 2100, contained(sku(2).priceMinor, 2100)],
    ]);
  });

  it('uses the destination country’s rates', async () => {
    await saveSettings({ rates: { DE: { standard: 1900, reduced: 700 } } });
    const guest = await guestCart([[sku(2), 3]]);
    const nlQuote = await guest.order.quote.query(nl);
    const deQuote = await guest.order.quote.query({ shippingMethodId: 'standard', country: 'DE' });
    const gross = sku(2).priceMinor * 3;
    expect(nlQuote.lineTaxes[0]?.taxMinor).toBe(contained(gross, 2100));
    expect(deQuote.lineTaxes[0]?.taxMinor).toBe(contained(gross, 1900));
    expect(deQuote.taxRateBasisPoints).toBe(1900);
    // Prices include tax: the destination changes the VAT inside them, not what is paid.
    expect(deQuote.totalMinor).toBe(nlQuote.totalMinor);
  });
});

describe('prices excluding tax (a US-style shop)', () => {
  it('adds the tax per line and on shipping at checkout', async () => {
    await saveSettings({ pricesIncludeTax: false });
    await setTaxClass(sku(1), 'reduced');
    const guest = await guestCart([
      [sku(0), 1],
      [sku(1), 1],
    ]);
    const quote = await guest.order.quote.query({ shippingMethodId: 'express', country: 'NL' });
    expect(quote.pricesIncludeTax).toBe(false);
    const tax =
      added(sku(0).priceMinor, 2100) +
      added(sku(1).priceMinor, 900) +
      added(quote.shippingMinor, 2100);
    expect(quote.taxMinor).toBe(tax);
    expect(quote.totalMinor).toBe(
      sku(0).priceMinor + sku(1).priceMinor + quote.shippingMinor + tax,
    );
    expect((await shopperClient(hostUrl, {}).order.checkoutOptions.query()).pricesIncludeTax).toBe(
      false,
    );
  });
});

describe('placed orders', () => {
  it('keep each line’s price, class, rate and tax as placed when rates change later', async () => {
    await setTaxClass(sku(0), 'reduced');
    const guest = await guestCart([
      [sku(0), 2],
      [sku(1), 1],
    ]);
    const quote = await guest.order.quote.query(nl);
    const placed = await guest.order.place.mutate({
      idempotencyKey: randomUUID(),
      email: 'tax.payer@example.com',
      shippingAddress: {
        name: 'Tess Taxpayer',
        line1: 'Prinsengracht 1',
        city: 'Amsterdam',
        postcode: '1015dk',
        country: 'nl',
      },
      shippingMethodId: 'standard',
      paymentMethod: 'card',
      expectedTotalMinor: quote.totalMinor,
    });
    const read = () =>
      shopperClient(hostUrl, {}).order.get.query({
        orderId: placed.orderId,
        accessToken: placed.guestAccessToken,
      });
    const before = await read();
    expect(before).toMatchObject({
      pricesIncludeTax: true,
      taxMinor: quote.taxMinor,
      totalMinor: quote.totalMinor,
      shippingTaxMinor: quote.shippingTaxMinor,
    });
    expect(before.lines.map((line) => [line.sku, line.unitPriceMinor, line.tax])).toEqual([
      [
        sku(0).sku,
        sku(0).priceMinor,
        {
          taxClass: 'reduced',
          taxRateBasisPoints: 900,
          taxMinor: contained(sku(0).priceMinor * 2, 900),
        },
      ],
      [
        sku(1).sku,
        sku(1).priceMinor,
        {
          taxClass: 'standard',
          taxRateBasisPoints: 2100,
          taxMinor: contained(sku(1).priceMinor, 2100),
        },
      ],
    ]);

    // Staff change the rates, the mode and the product's class: the order stays as placed.
    await saveSettings({
      pricesIncludeTax: false,
      rates: { NL: { standard: 2500, reduced: 1200 } },
    });
    await setTaxClass(sku(0), 'zero');
    const taxFields = (order: Awaited<ReturnType<typeof read>>) => ({
      lines: order.lines.map((line) => [line.unitPriceMinor, line.lineTotalMinor, line.tax]),
      money: [order.subtotalMinor, order.shippingMinor, order.taxMinor, order.totalMinor],
      shippingTaxMinor: order.shippingTaxMinor,
      pricesIncludeTax: order.pricesIncludeTax,
    });
    expect(taxFields(await read())).toEqual(taxFields(before));
    const { Order } = orderModels(await connectDomainDatabase('order'));
    const stored = await Order.findById(placed.orderId).lean();
    expect(stored?.lines.map((line) => line.taxRateBasisPoints)).toEqual([900, 2100]);
    expect(stored?.taxRateBasisPoints).toBe(2100);
  });
});

describe('who may change the tax settings', () => {
  it('lets orders:write staff save the mode and rates, and refuses everyone else', async () => {
    const saved = await saveSettings({
      pricesIncludeTax: false,
      rates: { FR: { standard: 2000, reduced: 550, zero: 0 } },
    });
    expect(saved.pricesIncludeTax).toBe(false);
    expect(saved.taxRates.find((rate) => rate.country === 'FR')).toEqual({
      country: 'FR',
      taxRateBasisPoints: 2000,
      reducedRateBasisPoints: 550,
      zeroRateBasisPoints: 0,
    });
    const input = {
      pricesIncludeTax: true,
      shippingMethods: saved.shippingMethods,
      taxRates: [{ country: 'FR', taxRateBasisPoints: 0 }],
    };
    for (const refused of [analyst, catalog]) {
      expect(await failureOf(refused.order.saveShippingSettings.mutate(input))).toMatchObject({
        code: 'FORBIDDEN',
        httpStatus: 403,
      });
    }
    const shopper = clientOf(hostUrl, await loginAs(hostUrl, 'shopper@example.com'));
    expect(await failureOf(shopper.order.saveShippingSettings.mutate(input))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await failureOf(shopperClient(hostUrl, {}).order.saveShippingSettings.mutate(input)),
    ).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
    // The analyst reads the settings, and nothing the refused calls sent was stored.
    expect(await analyst.order.shippingSettings.query()).toMatchObject({ pricesIncludeTax: false });
    expect(
      (await orders.order.shippingSettings.query()).taxRates.find((r) => r.country === 'FR'),
    ).toMatchObject({ taxRateBasisPoints: 2000 });
  });

  it('refuses bad rates, modes and classes with a 400 naming the field', async () => {
    const current = await orders.order.shippingSettings.query();
    const save = (change: Record<string, unknown>) =>
      failureOf(
        orders.order.saveShippingSettings.mutate({
          shippingMethods: current.shippingMethods,
          taxRates: [{ country: 'NL', taxRateBasisPoints: 2100 }],
          ...change,
        } as Parameters<typeof orders.order.saveShippingSettings.mutate>[0]),
      );
    for (const [change, path] of [
      [
        { taxRates: [{ country: 'NL', taxRateBasisPoints: 2100, reducedRateBasisPoints: 10_001 }] },
        'taxRates.0.reducedRateBasisPoints',
      ],
      [
        { taxRates: [{ country: 'NL', taxRateBasisPoints: 2100, zeroRateBasisPoints: -1 }] },
        'taxRates.0.zeroRateBasisPoints',
      ],
      [
        { taxRates: [{ country: 'NL', taxRateBasisPoints: 21.5 }] },
        'taxRates.0.taxRateBasisPoints',
      ],
      [{ pricesIncludeTax: 'yes' }, 'pricesIncludeTax'],
    ] as const) {
      const failure = await save(change);
      expect(failure).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
      expect(failure.issues?.map((issue) => issue.path)).toContain(path);
    }
    const badClass = await failureOf(
      catalog.product.update.mutate({
        id: sku(0).productId,
        changes: { taxClass: 'luxury' as 'zero' },
      }),
    );
    expect(badClass).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(badClass.issues?.map((issue) => issue.path)).toContain('changes.taxClass');
  });
});
