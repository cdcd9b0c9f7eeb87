import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { derivedObjectId } from '@shop/db/claims';
import { categoryModel, productModel } from '@shop/db/product';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCategoryLookups } from '../src/cells/analytics/product-categories';
import { recordEvent } from '../src/cells/analytics/record-event';
import { runRollups } from '../src/cells/analytics/rollup-schedule';
import type { CellHost } from '../src/host';
import { signInDemoAccounts, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// Top categories: facts in (orders with real SKUs of the demo catalogue, browsing sessions on
// real product pages), the rollup job stamps each with its product's primary category through
// the product cell, and the report must equal what this file works out from the catalogue's own
// documents. Then a product moves category: the days already counted must not change.

let host: CellHost;
let analyst: SignedIn;
let catalog: SignedIn;

const dayMs = 86_400_000;
const amsterdamDay = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(at));
// Noon UTC three and two days ago: well inside one Amsterdam day each, whatever the season.
const noon = Date.parse(`${new Date(Date.now() - 3 * dayMs).toISOString().slice(0, 10)}T12:00:00Z`);
const firstDay = amsterdamDay(noon);
const secondDay = amsterdamDay(noon + dayMs);

interface CatalogueProduct {
  slug: string;
  sku: string;
  name: string;
  category: string;
  categoryName: string;
}
/** Two listed products whose primary categories differ, read from products_db directly. */
let lamp: CatalogueProduct;
let other: CatalogueProduct;

async function productDb() {
  const connection = await connectDomainDatabase('product');
  return { Product: productModel(connection), Category: categoryModel(connection) };
}

async function analytics() {
  return analyticsModels(await connectDomainDatabase('analytics'));
}

async function pickProducts(): Promise<void> {
  const { Product, Category } = await productDb();
  const products = await Product.find({ status: 'active', 'categorySlugs.0': { $exists: true } })
    .select({ slug: 1, name: 1, categorySlugs: 1, variants: 1 })
    .lean();
  const names = new Map((await Category.find().lean()).map((row) => [row.slug, row.name]));
  const described = products.map((product) => ({
    slug: product.slug,
    sku: product.variants[0]!.sku,
    name: product.name,
    category: product.categorySlugs[0]!,
    categoryName: names.get(product.categorySlugs[0]!)!,
  }));
  lamp = described[0]!;
  other = described.find((product) => product.category !== lamp.category)!;
  expect(other, 'the demo catalogue has products in two categories').toBeDefined();
}

interface Line {
  sku: string;
  quantity: number;
  lineTotalMinor: number;
}
interface Order {
  at: number;
  currency: string;
  lines: Line[];
}
type Step =
  | { kind: 'product_viewed' | 'cart_item_added'; product: string; quantity?: number }
  | { kind: 'purchase' };
interface Visit {
  at: number;
  steps: Step[];
}

const recordedOrders: Order[] = [];
const recordedVisits: Visit[] = [];

async function recordOrder(order: Order): Promise<void> {
  recordedOrders.push(order);
  await recordEvent(
    { id: randomUUID(), name: 'order/order.confirmed', ts: order.at },
    {
      totalMinor: order.lines.reduce((sum, line) => sum + line.lineTotalMinor, 0),
      currency: order.currency,
      itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
      lines: order.lines.map((line) => ({ ...line, name: line.sku })),
    },
    { property: 'orderId', value: randomUUID() },
  );
}

async function recordVisit(visit: Visit): Promise<void> {
  recordedVisits.push(visit);
  const { TrackedEvent } = await analytics();
  const sessionId = randomUUID();
  await TrackedEvent.insertMany(
    visit.steps.map((step, index) => ({
      _id: derivedObjectId('test', randomUUID()),
      kind: step.kind === 'purchase' ? 'page_viewed' : step.kind,
      occurredAt: new Date(visit.at + index * 1_000),
      receivedAt: new Date(),
      anonymousId: sessionId,
      sessionId,
      device: 'desktop',
      trafficSource: 'direct',
      ...(step.kind === 'purchase'
        ? { path: `/checkout/confirmation/${randomUUID()}` }
        : { productId: step.product, path: `/products/${step.product}` }),
      properties: step.kind === 'cart_item_added' ? { quantity: step.quantity ?? 1 } : {},
    })),
  );
}

interface Expected {
  category: string | null;
  name: string;
  views: number;
  addToCart: number;
  units: number;
  revenueMinor: Record<string, number>;
  viewSessions: number;
  viewPurchases: number;
}

/**
 * The report's rows worked out here: each product's category from `categoryOf` (the catalogue as
 * this file read it), orders by their lines, sessions by what they viewed and had in the cart
 * when they reached the confirmation page.
 */
function expectedRows(
  from: string,
  to: string,
  categoryOf: (slugOrSku: string, at: number) => CatalogueProduct | undefined,
): Expected[] {
  const rows = new Map<string, Expected>();
  const row = (product: CatalogueProduct | undefined) => {
    const key = product?.category ?? '';
    const found = rows.get(key) ?? {
      category: product?.category ?? null,
      name: product?.categoryName ?? 'Uncategorised',
      views: 0,
      addToCart: 0,
      units: 0,
      revenueMinor: {},
      viewSessions: 0,
      viewPurchases: 0,
    };
    rows.set(key, found);
    return found;
  };
  const inRange = (at: number) => amsterdamDay(at) >= from && amsterdamDay(at) <= to;
  for (const order of recordedOrders.filter((order) => inRange(order.at))) {
    for (const line of order.lines) {
      const target = row(categoryOf(line.sku, order.at));
      target.units += line.quantity;
      target.revenueMinor[order.currency] =
        (target.revenueMinor[order.currency] ?? 0) + line.lineTotalMinor;
    }
  }
  for (const visit of recordedVisits.filter((visit) => inRange(visit.at))) {
    const viewed = new Set<string>();
    const bought = new Set<string>();
    const cart = new Set<string>();
    for (const step of visit.steps) {
      if (step.kind === 'purchase') {
        for (const slug of cart) bought.add(slug);
        continue;
      }
      const target = row(categoryOf(step.product, visit.at));
      if (step.kind === 'product_viewed') {
        target.views += 1;
        viewed.add(step.product);
      } else {
        target.addToCart += 1;
        cart.add(step.product);
      }
    }
    const categoryKey = (slug: string) => categoryOf(slug, visit.at)?.category ?? '';
    const boughtCategories = new Set([...bought].map(categoryKey));
    for (const key of new Set([...viewed].map(categoryKey))) {
      const target = rows.get(key)!;
      target.viewSessions += 1;
      if (boughtCategories.has(key)) target.viewPurchases += 1;
    }
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

async function reportRows(from: string, to: string) {
  const report = await analyst.client.analytics.topCategoriesReport.query({ from, to });
  return report.rows
    .map(({ viewToPurchaseRate, ...row }) => {
      expect(viewToPurchaseRate).toBe(
        row.viewSessions
          ? Math.round((row.viewPurchases / row.viewSessions) * 10_000) / 10_000
          : null,
      );
      return row;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Where each product was when the seed below happened (before the move). */
let bySlugOrSku: (slugOrSku: string) => CatalogueProduct | undefined;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product', 'analytics']);
  ({ analyst, catalog } = await signInDemoAccounts(host.url, ['analyst', 'catalog']));
  await pickProducts();
  const products = [lamp, other];
  bySlugOrSku = (key) => products.find((product) => product.slug === key || product.sku === key);

  await recordOrder({
    at: noon,
    currency: 'EUR',
    lines: [
      { sku: lamp.sku, quantity: 2, lineTotalMinor: 5_000 },
      { sku: other.sku, quantity: 1, lineTotalMinor: 1_500 },
    ],
  });
  await recordOrder({
    at: noon + 3_600_000,
    currency: 'USD',
    lines: [
      { sku: lamp.sku, quantity: 1, lineTotalMinor: 2_700 },
      // A SKU the catalogue does not know (deleted since): counted, uncategorised.
      { sku: 'NO-SUCH-SKU-1', quantity: 1, lineTotalMinor: 800 },
    ],
  });
  await recordOrder({
    at: noon + dayMs,
    currency: 'EUR',
    lines: [{ sku: other.sku, quantity: 3, lineTotalMinor: 4_500 }],
  });
  // Views, carts and purchases: one buys what it viewed, one views both and buys the other
  // category's product, one only looks, one views a page no product has (a forged event).
  await recordVisit({
    at: noon,
    steps: [
      { kind: 'product_viewed', product: lamp.slug },
      { kind: 'cart_item_added', product: lamp.slug, quantity: 2 },
      { kind: 'purchase' },
    ],
  });
  await recordVisit({
    at: noon + 600_000,
    steps: [
      { kind: 'product_viewed', product: lamp.slug },
      { kind: 'product_viewed', product: other.slug },
      { kind: 'cart_item_added', product: other.slug },
      { kind: 'purchase' },
    ],
  });
  await recordVisit({
    at: noon + dayMs,
    steps: [
      { kind: 'product_viewed', product: other.slug },
      { kind: 'product_viewed', product: lamp.slug },
    ],
  });
  await recordVisit({
    at: noon + dayMs + 60_000,
    steps: [{ kind: 'product_viewed', product: 'no-such-product' }],
  });
  await runRollups();
}, 120_000);
afterAll(async () => {
  await stopTestHosts(host);
});

describe('top categories', () => {
  it('counts units, revenue, views and view-to-purchase per primary category, as worked out from the catalogue', async () => {
    expect(await reportRows(firstDay, secondDay)).toEqual(
      expectedRows(firstDay, secondDay, bySlugOrSku),
    );
    // One day alone, and the busiest category first in the report itself.
    const day = await analyst.client.analytics.topCategoriesReport.query({
      from: firstDay,
      to: firstDay,
    });
    expect(day.rows[0]).toMatchObject({ category: lamp.category, units: 3 });
    expect(await reportRows(firstDay, firstDay)).toEqual(
      expectedRows(firstDay, firstDay, bySlugOrSku),
    );
  });

  it('keeps counted days as they were when a product moves category; new facts count in the new one', async () => {
    const before = await reportRows(firstDay, secondDay);
    const { Product } = await productDb();
    // The catalogue's edit: the lamp now belongs to the other product's category only.
    await Product.updateOne({ slug: lamp.slug }, { $set: { categorySlugs: [other.category] } });
    forgetCategoryLookups();
    const now = Date.now() - 60_000;
    await recordOrder({
      at: now,
      currency: 'EUR',
      lines: [{ sku: lamp.sku, quantity: 1, lineTotalMinor: 2_500 }],
    });
    await recordVisit({ at: now, steps: [{ kind: 'product_viewed', product: lamp.slug }] });
    await runRollups();
    // A full rebuild too (the watermark cleared, as a new time zone does): stamps stay.
    const { AnalyticsSettings } = await analytics();
    await AnalyticsSettings.updateOne({ key: 'store' }, { $unset: { rolledUpThrough: 1 } });
    await runRollups();

    expect(await reportRows(firstDay, secondDay)).toEqual(before);
    const today = amsterdamDay(now);
    const moved = { ...lamp, category: other.category, categoryName: other.categoryName };
    expect(await reportRows(today, today)).toEqual(
      expectedRows(today, today, (key) => (bySlugOrSku(key) === lamp ? moved : bySlugOrSku(key))),
    );
  });

  it('is for analysts: a catalog manager gets 403, a reversed range 400', async () => {
    await expect(
      catalog.client.analytics.topCategoriesReport.query({ from: firstDay, to: firstDay }),
    ).rejects.toMatchObject({ data: { httpStatus: 403 } });
    await expect(
      analyst.client.analytics.topCategoriesReport.query({ from: secondDay, to: firstDay }),
    ).rejects.toMatchObject({ data: { httpStatus: 400 } });
  });
});
