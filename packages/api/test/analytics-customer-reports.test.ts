import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { derivedObjectId } from '@shop/db/claims';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../src/cells/analytics/record-event';
import { runRollups } from '../src/cells/analytics/rollup-schedule';
import type { CellHost } from '../src/host';
import { signInDemoAccounts, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// Customers, cohorts, abandoned carts and the purchase rates, against numbers worked out by hand
// from the seed below (Amsterdam: UTC+2 until 01:00 UTC on 2026-10-25, UTC+1 after). Each
// expectation names the seed rows it comes from.

let host: CellHost;
let analyst: SignedIn;
let catalog: SignedIn;

async function models() {
  return analyticsModels(await connectDomainDatabase('analytics'));
}

/** Confirmed orders: account (undefined = guest), UTC instant, total in EUR minor units. */
const orders: { account?: string; at: string; totalMinor: number }[] = [
  { account: 'acct-a', at: '2026-09-10T10:00:00Z', totalMinor: 1_000 },
  { account: 'acct-a', at: '2026-10-05T10:00:00Z', totalMinor: 1_000 },
  { account: 'acct-a', at: '2026-11-20T10:00:00Z', totalMinor: 1_000 },
  { account: 'acct-b', at: '2026-10-15T10:00:00Z', totalMinor: 2_000 },
  { account: 'acct-b', at: '2026-10-20T10:00:00Z', totalMinor: 2_000 },
  { account: 'acct-c', at: '2026-11-02T10:00:00Z', totalMinor: 3_000 },
  { account: 'acct-c', at: '2026-12-01T10:00:00Z', totalMinor: 3_000 },
  { account: 'acct-d', at: '2026-08-01T10:00:00Z', totalMinor: 4_000 },
  // 00:30 on 1 November in Amsterdam: a November customer, though October in UTC.
  { account: 'acct-e', at: '2026-10-31T23:30:00Z', totalMinor: 5_000 },
  { account: 'acct-e', at: '2026-12-01T11:00:00Z', totalMinor: 5_000 },
  { at: '2026-10-03T10:00:00Z', totalMinor: 700 },
  { at: '2026-11-30T10:00:00Z', totalMinor: 800 },
];

async function seedOrders() {
  for (const order of orders) {
    await recordEvent(
      { id: randomUUID(), name: 'order/order.confirmed', ts: Date.parse(order.at) },
      {
        totalMinor: order.totalMinor,
        currency: 'EUR',
        itemCount: 1,
        lines: [{ sku: 'MUG', name: 'Mug', quantity: 1, lineTotalMinor: order.totalMinor }],
        guest: order.account === undefined,
        ...(order.account ? { accountId: order.account } : {}),
      },
      { property: 'orderId', value: randomUUID() },
    );
  }
}

interface SeedEvent {
  kind: string;
  at: string;
  productId?: string;
  path?: string;
  query?: string;
  properties?: Record<string, unknown>;
}

async function seedSession(browser: string, events: SeedEvent[], session = randomUUID()) {
  const { TrackedEvent } = await models();
  await TrackedEvent.insertMany(
    events.map((event) => ({
      _id: derivedObjectId('test', randomUUID()),
      kind: event.kind,
      occurredAt: new Date(event.at),
      receivedAt: new Date(),
      anonymousId: browser,
      sessionId: session,
      device: 'desktop',
      trafficSource: 'direct',
      ...(event.productId ? { productId: event.productId } : {}),
      ...(event.path ? { path: event.path } : {}),
      ...(event.query ? { query: event.query } : {}),
      properties: event.properties ?? {},
    })),
  );
}

const added = (at: string, productId: string, quantity: number, unitPriceMinor: number) => ({
  kind: 'cart_item_added',
  at,
  productId,
  properties: { quantity, unitPriceMinor, currency: 'EUR' },
});
const removed = (at: string, productId: string, quantity: number) => ({
  kind: 'cart_item_removed',
  at,
  productId,
  properties: { quantity },
});
const purchase = (at: string) => ({
  kind: 'page_viewed',
  at,
  path: `/checkout/confirmation/${randomUUID()}`,
});
const viewed = (at: string, productId: string) => ({
  kind: 'product_viewed',
  at,
  productId,
  path: `/products/${productId}`,
});
const clicked = (at: string, productId: string) => ({
  kind: 'search_result_clicked',
  at,
  productId,
  query: 'lamp',
  properties: { position: 1 },
});

async function seedCarts() {
  // S1: lamp + 2 mugs, one mug taken out, left (5,000); the browser buys two days later.
  await seedSession('browser-x', [
    added('2026-11-10T10:00:00Z', 'lamp', 1, 4_000),
    added('2026-11-10T10:05:00Z', 'mug', 2, 1_000),
    removed('2026-11-10T10:06:00Z', 'mug', 1),
  ]);
  await seedSession('browser-x', [purchase('2026-11-12T09:00:00Z')]);
  // S2: bought in the same session: not abandoned.
  await seedSession('browser-y', [
    added('2026-11-10T11:00:00Z', 'lamp', 1, 4_000),
    purchase('2026-11-10T11:10:00Z'),
  ]);
  // S3: emptied again: nothing left behind.
  await seedSession('browser-z', [
    added('2026-11-11T09:00:00Z', 'mug', 1, 1_000),
    removed('2026-11-11T09:01:00Z', 'mug', 1),
  ]);
  // S4: three mugs left (3,000); the browser buys 14 days later, past the 7-day window.
  await seedSession('browser-w', [added('2026-11-11T12:00:00Z', 'mug', 3, 1_000)]);
  await seedSession('browser-w', [purchase('2026-11-25T12:00:00Z')]);
  // S5: 00:30 on 1 December in Amsterdam: outside November.
  await seedSession('browser-v', [added('2026-11-30T23:30:00Z', 'lamp', 1, 4_000)]);
}

async function seedRateSessions() {
  // 5 November: R1 views and buys the lamp.
  await seedSession('r1', [
    viewed('2026-11-05T10:00:00Z', 'lamp'),
    added('2026-11-05T10:01:00Z', 'lamp', 1, 4_000),
    purchase('2026-11-05T10:05:00Z'),
  ]);
  // R2 views the lamp and the mug, buys the mug.
  await seedSession('r2', [
    viewed('2026-11-05T11:00:00Z', 'lamp'),
    viewed('2026-11-05T11:01:00Z', 'mug'),
    added('2026-11-05T11:02:00Z', 'mug', 1, 1_000),
    purchase('2026-11-05T11:05:00Z'),
  ]);
  // R3 finds the lamp by search, adds it, leaves.
  await seedSession('r3', [
    clicked('2026-11-05T12:00:00Z', 'lamp'),
    viewed('2026-11-05T12:00:01Z', 'lamp'),
    added('2026-11-05T12:01:00Z', 'lamp', 1, 4_000),
  ]);
  // R4 finds the lamp by search and buys it.
  await seedSession('r4', [
    clicked('2026-11-05T13:00:00Z', 'lamp'),
    viewed('2026-11-05T13:00:01Z', 'lamp'),
    added('2026-11-05T13:01:00Z', 'lamp', 1, 4_000),
    purchase('2026-11-05T13:05:00Z'),
  ]);
}

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'analytics']);
  ({ analyst, catalog } = await signInDemoAccounts(host.url, ['analyst', 'catalog']));
  const { AnalyticsSettings } = await models();
  await AnalyticsSettings.updateOne(
    { key: 'store' },
    { $set: { rawEventRetentionDays: 400 } },
    { upsert: true },
  );
  await seedOrders();
  await seedCarts();
  await seedRateSessions();
  await runRollups();
});
afterAll(async () => {
  await stopTestHosts(host);
});

describe('customers', () => {
  it('tells new from returning customers by their first order ever, in Amsterdam days', async () => {
    const report = await analyst.client.analytics.customersReport.query({
      from: '2026-10-01',
      to: '2026-11-30',
    });
    // New: b (2 orders), c (1 in range), e (1: its 00:30 on 1 November). Returning: a (2).
    // d ordered only in August; the guests' two orders are neither.
    expect(report).toMatchObject({
      timeZone: 'Europe/Amsterdam',
      newCustomers: 3,
      newCustomerOrders: 4,
      returningCustomers: 1,
      returningCustomerOrders: 2,
      guestOrders: 2,
    });
  });

  it('follows each month-of-first-order cohort month by month', async () => {
    const report = await analyst.client.analytics.customersReport.query({
      from: '2026-10-01',
      to: '2026-12-05',
    });
    // October: b (ordered in October only). November: c and e (both again in December).
    // a's and d's first orders were before the range: no cohort of theirs is shown.
    expect(report.cohorts).toEqual([
      { cohort: '2026-10', customers: 1, activeByMonth: [1, 0, 0] },
      { cohort: '2026-11', customers: 2, activeByMonth: [2, 2] },
    ]);
  });
});

describe('abandoned carts', () => {
  it('counts carts left with items, their value, and those bought within 7 days', async () => {
    const report = await analyst.client.analytics.abandonedCartsReport.query({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    // S1 (lamp 4,000 + one mug 1,000, recovered on the 12th), S4 (3 mugs, bought too late)
    // and R3 of the rate sessions (a lamp, 4,000, never bought).
    expect(report).toEqual({
      timeZone: 'Europe/Amsterdam',
      abandoned: 3,
      valueMinor: { EUR: 12_000 },
      recovered: 1,
      recoveredValueMinor: { EUR: 5_000 },
      days: [
        { day: '2026-11-05', abandoned: 1, recovered: 0 },
        { day: '2026-11-10', abandoned: 1, recovered: 1 },
        { day: '2026-11-11', abandoned: 1, recovered: 0 },
      ],
    });
  });

  it('puts a cart left at 00:30 local time on its Amsterdam day', async () => {
    const report = await analyst.client.analytics.abandonedCartsReport.query({
      from: '2026-12-01',
      to: '2026-12-01',
    });
    expect(report).toMatchObject({ abandoned: 1, valueMinor: { EUR: 4_000 } });
  });
});

describe('purchase rates', () => {
  it('gives each product its view-to-purchase and search-to-purchase rate per session', async () => {
    const report = await analyst.client.analytics.topProductsReport.query({
      from: '2026-11-05',
      to: '2026-11-05',
    });
    // Lamp: viewed in R1-R4, bought in R1 and R4; clicked in search in R3 and R4, bought in R4.
    expect(report.mostViewed.find((row) => row.product === 'lamp')).toMatchObject({
      views: 4,
      viewSessions: 4,
      viewPurchases: 2,
      viewToPurchaseRate: 0.5,
      searchSessions: 2,
      searchPurchases: 1,
      searchToPurchaseRate: 0.5,
    });
    // Mug: viewed in R2 and bought there; never clicked in search.
    expect(report.mostViewed.find((row) => row.product === 'mug')).toMatchObject({
      viewSessions: 1,
      viewPurchases: 1,
      viewToPurchaseRate: 1,
      searchSessions: 0,
      searchToPurchaseRate: null,
    });
  });

  it("gives the search report the shop's search-to-purchase rate", async () => {
    const report = await analyst.client.analytics.searchReport.query({
      from: '2026-11-05',
      to: '2026-11-05',
    });
    expect(report).toMatchObject({
      searchClickSessions: 2,
      searchPurchaseSessions: 1,
      searchToPurchaseRate: 0.5,
    });
  });
});

describe('sales against the previous period', () => {
  it('lines every day of the range up with the same day of the range before', async () => {
    const report = await analyst.client.analytics.salesReport.query({
      from: '2026-11-01',
      to: '2026-11-30',
      interval: 'day',
    });
    const [eur] = report.series;
    expect(eur?.currency).toBe('EUR');
    expect(eur?.points).toHaveLength(30);
    // 1 November holds e's order (5,000); the day compared with it is 2 October (nothing).
    expect(eur?.points[0]).toEqual({
      period: '2026-11-01',
      revenueMinor: 5_000,
      orders: 1,
      previousPeriod: '2026-10-02',
      previousRevenueMinor: 0,
      previousOrders: 0,
    });
    // 4 November is compared with 5 October: a's order of 1,000.
    expect(eur?.points[3]).toMatchObject({
      period: '2026-11-04',
      previousPeriod: '2026-10-05',
      previousRevenueMinor: 1_000,
    });
  });
});

describe('access', () => {
  it('refuses the new reports to a catalog manager', async () => {
    const range = { from: '2026-11-01', to: '2026-11-30' };
    await expect(catalog.client.analytics.customersReport.query(range)).rejects.toMatchObject({
      data: { httpStatus: 403 },
    });
    await expect(catalog.client.analytics.abandonedCartsReport.query(range)).rejects.toMatchObject({
      data: { httpStatus: 403 },
    });
  });
});
