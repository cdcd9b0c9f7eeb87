import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { derivedObjectId } from '@shop/db/claims';
import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../src/cells/analytics/record-event';
import { runRollups } from '../src/cells/analytics/rollup-schedule';
import type { CellHost } from '../src/host';
import { clientOf, signInDemoAccounts, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { batchOf } from './support/tracking-fixtures';

// Events in -> rollups (scheduled job) -> reports, against numbers computed here from the same
// seed with Amsterdam's rule written out (UTC+1, UTC+2 from 01:00 UTC on the last Sunday of
// March to 01:00 UTC on the last Sunday of October), not with the cell's time-zone code.

let host: CellHost;
let analyst: SignedIn;
let catalog: SignedIn;

const hour = 3_600_000;
const summer2026 = {
  from: Date.parse('2026-03-29T01:00:00Z'),
  to: Date.parse('2026-10-25T01:00:00Z'),
};
const amsterdamDay = (utc: string) => {
  const at = Date.parse(utc);
  const offset = at >= summer2026.from && at < summer2026.to ? 2 * hour : hour;
  return new Date(at + offset).toISOString().slice(0, 10);
};

interface SeedOrder {
  at: string;
  totalMinor: number;
  units: number;
  currency: string;
  sku: string;
}
const orders: SeedOrder[] = [
  { at: '2026-03-28T22:30:00Z', totalMinor: 1_000, units: 1, currency: 'EUR', sku: 'MUG' },
  { at: '2026-03-28T23:30:00Z', totalMinor: 2_500, units: 2, currency: 'EUR', sku: 'MUG' },
  { at: '2026-03-29T21:30:00Z', totalMinor: 4_000, units: 1, currency: 'EUR', sku: 'LAMP' },
  { at: '2026-03-29T21:45:00Z', totalMinor: 3_000, units: 3, currency: 'USD', sku: 'LAMP' },
  { at: '2026-03-29T22:30:00Z', totalMinor: 7_000, units: 1, currency: 'EUR', sku: 'MUG' },
  { at: '2026-10-25T00:30:00Z', totalMinor: 1_100, units: 1, currency: 'EUR', sku: 'MUG' },
  { at: '2026-10-25T01:30:00Z', totalMinor: 1_200, units: 1, currency: 'EUR', sku: 'MUG' },
  { at: '2026-10-25T22:59:00Z', totalMinor: 1_300, units: 1, currency: 'EUR', sku: 'MUG' },
  { at: '2026-10-25T23:00:00Z', totalMinor: 1_400, units: 1, currency: 'EUR', sku: 'MUG' },
];
const refunds = [{ at: '2026-03-29T12:00:00Z', amountMinor: 500, currency: 'EUR' }];

async function models() {
  return analyticsModels(await connectDomainDatabase('analytics'));
}

async function seedOrders() {
  for (const order of orders) {
    const orderId = randomUUID();
    await recordEvent(
      { id: randomUUID(), name: 'order/order.confirmed', ts: Date.parse(order.at) },
      {
        totalMinor: order.totalMinor,
        currency: order.currency,
        itemCount: order.units,
        lines: [
          {
            sku: order.sku,
            name: order.sku,
            quantity: order.units,
            lineTotalMinor: order.totalMinor,
          },
        ],
      },
      { property: 'orderId', value: orderId },
    );
  }
  for (const refund of refunds) {
    await recordEvent(
      { id: randomUUID(), name: 'order/order.refunded', ts: Date.parse(refund.at) },
      { amountMinor: refund.amountMinor, currency: refund.currency },
      { property: 'refundId', value: randomUUID() },
    );
  }
}

interface SeedVisit {
  at: string;
  device: 'mobile' | 'desktop';
  kinds: ('page_viewed' | 'product_viewed' | 'cart_item_added' | 'checkout_started')[];
}
const visits: SeedVisit[] = [
  { at: '2026-03-29T08:00:00Z', device: 'mobile', kinds: ['page_viewed', 'product_viewed'] },
  {
    at: '2026-03-29T09:00:00Z',
    device: 'mobile',
    kinds: ['product_viewed', 'cart_item_added', 'checkout_started'],
  },
  { at: '2026-03-29T10:00:00Z', device: 'desktop', kinds: ['page_viewed'] },
  // 23:30 local on the 28th (winter time): not the 29th.
  { at: '2026-03-28T22:30:00Z', device: 'desktop', kinds: ['product_viewed'] },
];

async function seedVisits() {
  const { TrackedEvent } = await models();
  for (const visit of visits) {
    const sessionId = randomUUID();
    await TrackedEvent.insertMany(
      visit.kinds.map((kind, index) => ({
        _id: derivedObjectId('test', randomUUID()),
        kind,
        occurredAt: new Date(Date.parse(visit.at) + index * 1000),
        receivedAt: new Date(),
        anonymousId: sessionId,
        sessionId,
        device: visit.device,
        trafficSource: 'search',
        ...(kind === 'product_viewed' || kind === 'cart_item_added'
          ? { productId: 'oak-lamp' }
          : {}),
        properties: {},
      })),
    );
  }
}

async function setRetentionDays(rawEventRetentionDays: number) {
  const { AnalyticsSettings } = await models();
  await AnalyticsSettings.updateOne(
    { key: 'store' },
    { $set: { rawEventRetentionDays } },
    { upsert: true },
  );
}

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'analytics']);
  ({ analyst, catalog } = await signInDemoAccounts(host.url, ['analyst', 'catalog']));
  // The seed is in 2026's DST days, longer ago than the default 90 days of raw events.
  await setRetentionDays(400);
  await seedOrders();
  await seedVisits();
  await runRollups();
});
afterAll(async () => {
  await stopTestHosts(host);
});

/** Expected sales per local day and currency, computed from the seed above. */
function expectedSales(from: string, to: string) {
  const days = new Map<
    string,
    { revenueMinor: number; orders: number; units: number; refundsMinor: number }
  >();
  const at = (day: string, currency: string) => {
    const key = `${day} ${currency}`;
    const row = days.get(key) ?? { revenueMinor: 0, orders: 0, units: 0, refundsMinor: 0 };
    days.set(key, row);
    return row;
  };
  for (const order of orders) {
    const day = amsterdamDay(order.at);
    if (day < from || day > to) continue;
    const row = at(day, order.currency);
    row.revenueMinor += order.totalMinor;
    row.orders += 1;
    row.units += order.units;
  }
  for (const refund of refunds) {
    const day = amsterdamDay(refund.at);
    if (day >= from && day <= to) at(day, refund.currency).refundsMinor += refund.amountMinor;
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

describe('sales over time', () => {
  it('counts each order in its Amsterdam day across the March DST change, with refunds and net', async () => {
    const report = await analyst.client.analytics.salesReport.query({
      from: '2026-03-28',
      to: '2026-03-30',
      interval: 'day',
    });
    expect(report.timeZone).toBe('Europe/Amsterdam');
    const got = report.rows.map((row) => [
      `${row.period} ${row.currency}`,
      {
        revenueMinor: row.figures.revenueMinor,
        orders: row.figures.orders,
        units: row.figures.units,
        refundsMinor: row.figures.refundsMinor,
      },
    ]);
    expect(got).toEqual(expectedSales('2026-03-28', '2026-03-30'));
    const eur29 = report.rows.find((row) => row.period === '2026-03-29' && row.currency === 'EUR');
    expect(eur29?.figures).toMatchObject({ averageOrderMinor: 3_250, netMinor: 6_500 - 500 });
  });

  it('puts both 02:30s of the October change in 25 hourly buckets of one day', async () => {
    const { AnalyticsRollup } = await models();
    const hours = await AnalyticsRollup.find({
      granularity: 'hour',
      localStart: { $regex: /^2026-10-25T/ },
    }).lean();
    expect(hours).toHaveLength(25);
    const twoThirty = hours.filter((bucket) => bucket.localStart.startsWith('2026-10-25T02'));
    expect(twoThirty.map((bucket) => bucket.sales.EUR?.revenueMinor).sort()).toEqual([
      1_100, 1_200,
    ]);
    expect(
      await AnalyticsRollup.countDocuments({
        granularity: 'hour',
        localStart: { $regex: /^2026-03-29T/ },
      }),
    ).toBe(23);
    const october = await analyst.client.analytics.salesReport.query({
      from: '2026-10-25',
      to: '2026-10-26',
      interval: 'day',
    });
    expect(october.rows.map((row) => [row.period, row.figures.revenueMinor])).toEqual(
      expectedSales('2026-10-25', '2026-10-26').map(([key, row]) => [
        key.slice(0, 10),
        row.revenueMinor,
      ]),
    );
  });

  it('groups by month with the previous period beside it', async () => {
    const report = await analyst.client.analytics.salesReport.query({
      from: '2026-03-01',
      to: '2026-03-31',
      interval: 'month',
    });
    const eur = expectedSales('2026-03-01', '2026-03-31').filter(([key]) => key.endsWith('EUR'));
    const revenue = eur.reduce((sum, [, row]) => sum + row.revenueMinor, 0);
    expect(report.rows.find((row) => row.currency === 'EUR')).toMatchObject({
      period: '2026-03',
      figures: { revenueMinor: revenue },
    });
    expect(report.previousRange).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(report.totals.find((row) => row.currency === 'EUR')?.previous.revenueMinor).toBe(0);
  });
});

describe('funnel', () => {
  it('counts sessions reaching each step, overall and by device', async () => {
    const report = await analyst.client.analytics.funnelReport.query({
      from: '2026-03-29',
      to: '2026-03-29',
    });
    const day = visits.filter((visit) => amsterdamDay(visit.at) === '2026-03-29');
    const reached = (kind: SeedVisit['kinds'][number], device?: string) =>
      day.filter((visit) => visit.kinds.includes(kind) && (!device || visit.device === device))
        .length;
    const ordersThatDay = orders.filter((order) => amsterdamDay(order.at) === '2026-03-29').length;
    expect(report.rows.find((row) => row.segment === 'all')).toEqual({
      segment: 'all',
      sessions: day.length,
      productViews: reached('product_viewed'),
      addToCart: reached('cart_item_added'),
      checkout: reached('checkout_started'),
      orders: ordersThatDay,
    });
    expect(report.rows.find((row) => row.segment === 'device:mobile')).toMatchObject({
      sessions: day.filter((visit) => visit.device === 'mobile').length,
      productViews: reached('product_viewed', 'mobile'),
      orders: null,
    });
  });

  it('takes in a late event on the next run, and a replayed batch changes nothing', async () => {
    const twoDaysAgo = Date.now() - 2 * 24 * hour;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      twoDaysAgo,
    );
    const before = await analyst.client.analytics.funnelReport.query({ from: day, to: day });
    const sessionsBefore = before.rows.find((row) => row.segment === 'all')?.sessions ?? 0;

    const late = batchOf([{ kind: 'page_viewed', at: twoDaysAgo, path: '/' }]);
    await clientOf(host.url).analytics.ingestEvents.mutate(late);
    // Reports read rollups: nothing changes until the job runs.
    const unchanged = await analyst.client.analytics.funnelReport.query({ from: day, to: day });
    expect(unchanged.rows.find((row) => row.segment === 'all')?.sessions ?? 0).toBe(sessionsBefore);

    await runRollups();
    await clientOf(host.url).analytics.ingestEvents.mutate(late);
    await runRollups();
    const after = await analyst.client.analytics.funnelReport.query({ from: day, to: day });
    expect(after.rows.find((row) => row.segment === 'all')?.sessions).toBe(sessionsBefore + 1);
  });
});

describe('top products and search', () => {
  it('ranks best sellers by units with revenue per currency, and most viewed pages', async () => {
    const report = await analyst.client.analytics.topProductsReport.query({
      from: '2026-03-28',
      to: '2026-03-30',
    });
    const inRange = orders.filter(
      (order) => amsterdamDay(order.at) <= '2026-03-30' && amsterdamDay(order.at) >= '2026-03-28',
    );
    const lamp = inRange.filter((order) => order.sku === 'LAMP');
    expect(report.bestSelling.find((row) => row.sku === 'LAMP')).toEqual({
      sku: 'LAMP',
      name: 'LAMP',
      units: lamp.reduce((sum, order) => sum + order.units, 0),
      revenueMinor: { EUR: 4_000, USD: 3_000 },
    });
    const viewingVisits = visits.filter((visit) => visit.kinds.includes('product_viewed')).length;
    expect(report.mostViewed).toEqual([
      {
        product: 'oak-lamp',
        views: viewingVisits,
        addToCart: 1,
        reviewsWritten: 0,
        // Each visit is its own session, and none reached the order confirmation page.
        viewSessions: viewingVisits,
        viewPurchases: 0,
        viewToPurchaseRate: 0,
        searchSessions: 0,
        searchPurchases: 0,
        searchToPurchaseRate: null,
      },
    ]);
  });

  it('lists zero-result queries and queries whose results nobody clicked', async () => {
    const at = Date.parse('2026-03-29T10:00:00Z');
    const search = (query: string, zeroResults: boolean) =>
      recordEvent(
        { id: randomUUID(), name: 'search/search.performed', ts: at },
        { normalizedQuery: query, zeroResults, resultCount: zeroResults ? 0 : 3 },
      );
    await search('lamp', false);
    await search('lamp', false);
    await search('teapot', false);
    await search('unicorn', true);
    const { TrackedEvent } = await models();
    await TrackedEvent.create({
      _id: derivedObjectId('test', randomUUID()),
      kind: 'search_result_clicked',
      occurredAt: new Date(at + 1000),
      receivedAt: new Date(),
      anonymousId: 'a1234567',
      sessionId: 's1234567',
      device: 'desktop',
      trafficSource: 'direct',
      productId: 'oak-lamp',
      query: 'lamp',
      properties: { position: 1 },
    });
    await runRollups();
    const report = await analyst.client.analytics.searchReport.query({
      from: '2026-03-29',
      to: '2026-03-29',
    });
    expect(report.totalSearches).toBe(4);
    expect(report.queries[0]).toEqual({ query: 'lamp', searches: 2, zeroResults: 0, clicks: 1 });
    expect(report.zeroResult).toEqual([{ query: 'unicorn', searches: 1 }]);
    expect(report.noClicks).toEqual([{ query: 'teapot', searches: 1 }]);
  });
});

describe('today', () => {
  // Today's rollup is rebuilt for a report once it is older than ANALYTICS_TODAY_FRESHNESS_MS
  // (30 s by default); 1 s here, so the test waits for that rebuild rather than half a minute.
  // Nothing runs the rollup job in this file but the tests' own runRollups() calls.
  beforeAll(() => {
    process.env.ANALYTICS_TODAY_FRESHNESS_MS = '1000';
  });
  afterAll(() => {
    delete process.env.ANALYTICS_TODAY_FRESHNESS_MS;
  });

  it('shows an order confirmed a moment ago without waiting for the job', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const range = { from: today, to: today, interval: 'day' as const };
    const before = await analyst.client.analytics.salesReport.query(range);
    const ordersBefore = before.totals.find((row) => row.currency === 'EUR')?.current.orders ?? 0;
    await recordEvent(
      { id: randomUUID(), name: 'order/order.confirmed', ts: Date.now() },
      { totalMinor: 4_321, currency: 'EUR', itemCount: 1, lines: [] },
      { property: 'orderId', value: randomUUID() },
    );
    const ordersAfter = await waitFor(
      async () => {
        const after = await analyst.client.analytics.salesReport.query(range);
        const orders = after.totals.find((row) => row.currency === 'EUR')?.current.orders ?? 0;
        return orders !== ordersBefore && orders;
      },
      { what: "today's sales report to count the order", timeoutMs: 30_000 },
    );
    expect(ordersAfter).toBe(ordersBefore + 1);
  }, 60_000);
});

describe('retention and permissions', () => {
  it('deletes raw events past the retention and keeps their rollup', async () => {
    const { TrackedEvent, AnalyticsRollup } = await models();
    const old = new Date(Date.now() - 100 * 24 * hour);
    await TrackedEvent.create({
      _id: derivedObjectId('test', randomUUID()),
      kind: 'page_viewed',
      occurredAt: old,
      receivedAt: new Date(),
      anonymousId: 'old12345',
      sessionId: 'old12345',
      device: 'desktop',
      trafficSource: 'direct',
      path: '/',
      properties: {},
    });
    await runRollups();
    expect(await TrackedEvent.countDocuments({ anonymousId: 'old12345' })).toBe(1);
    await setRetentionDays(30);
    await runRollups();
    expect(await TrackedEvent.countDocuments({ anonymousId: 'old12345' })).toBe(0);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(old);
    const kept = await AnalyticsRollup.findOne({ granularity: 'day', localStart: day }).lean();
    expect(kept?.totals.page_viewed).toBe(1);
  });

  it('lets analysts read reports; a catalog manager gets 403, nobody signed in 401', async () => {
    const range = { from: '2026-03-29', to: '2026-03-29' };
    await expect(
      catalog.client.analytics.salesReport.query({ ...range, interval: 'day' }),
    ).rejects.toMatchObject({
      data: { httpStatus: 403 },
    });
    await expect(catalog.client.analytics.funnelReport.query(range)).rejects.toMatchObject({
      data: { httpStatus: 403 },
    });
    await expect(clientOf(host.url).analytics.searchReport.query(range)).rejects.toMatchObject({
      data: { httpStatus: 401 },
    });
    await expect(
      analyst.client.analytics.salesReport.query({
        from: '2026-03-30',
        to: '2026-03-01',
        interval: 'day',
      }),
    ).rejects.toMatchObject({ data: { httpStatus: 400 } });
  });
});
