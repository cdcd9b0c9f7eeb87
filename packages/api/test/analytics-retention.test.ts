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

// Retention of every raw event kind: browsing events and the events recorded from other cells
// (orders, refunds, cancellations, searches, sign-ups) older than the store's retention are
// deleted by the rollup job; the rollups, customer histories and every report built from them
// stay as they were, and a customer whose old orders are gone still counts as returning.

let host: CellHost;
let analyst: SignedIn;

const dayMs = 86_400_000;
const amsterdamDay = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(at));
/** Noon UTC `days` days ago: inside one Amsterdam day. */
const noonDaysAgo = (days: number) =>
  Date.parse(`${new Date(Date.now() - days * dayMs).toISOString().slice(0, 10)}T12:00:00Z`);
const old = noonDaysAgo(100);
const recent = noonDaysAgo(5);
const oldDay = amsterdamDay(old);
const returningAccount = `acct-${randomUUID()}`;

async function models() {
  return analyticsModels(await connectDomainDatabase('analytics'));
}

async function setRetentionDays(rawEventRetentionDays: number) {
  const { AnalyticsSettings } = await models();
  await AnalyticsSettings.updateOne(
    { key: 'store' },
    { $set: { rawEventRetentionDays } },
    { upsert: true },
  );
}

/** One of every recorded kind and a browsing session at `at`. */
async function seedEventsAt(at: number, accountId?: string): Promise<void> {
  const orderId = randomUUID();
  await recordEvent(
    { id: randomUUID(), name: 'order/order.confirmed', ts: at },
    {
      totalMinor: 3_000,
      currency: 'EUR',
      itemCount: 1,
      lines: [{ sku: 'MUG', name: 'Mug', quantity: 1, lineTotalMinor: 3_000 }],
      ...(accountId ? { accountId } : {}),
    },
    { property: 'orderId', value: orderId },
  );
  await recordEvent(
    { id: randomUUID(), name: 'order/order.refunded', ts: at + 60_000 },
    { amountMinor: 500, currency: 'EUR' },
    { property: 'refundId', value: randomUUID() },
  );
  await recordEvent(
    { id: randomUUID(), name: 'order/order.cancelled', ts: at + 120_000 },
    { code: 'customer_request', totalMinor: 1_000, refundedMinor: 0, currency: 'EUR' },
    { property: 'orderId', value: randomUUID() },
  );
  await recordEvent(
    { id: randomUUID(), name: 'search/search.performed', ts: at + 180_000 },
    { normalizedQuery: 'teapot', zeroResults: true, resultCount: 0 },
  );
  await recordEvent({ id: randomUUID(), name: 'auth/user.registered', ts: at + 240_000 }, {});
  const { TrackedEvent } = await models();
  const sessionId = randomUUID();
  await TrackedEvent.insertMany(
    (['page_viewed', 'product_viewed'] as const).map((kind, index) => ({
      _id: derivedObjectId('test', randomUUID()),
      kind,
      occurredAt: new Date(at + index * 1_000),
      receivedAt: new Date(),
      anonymousId: sessionId,
      sessionId,
      device: 'mobile',
      trafficSource: 'direct',
      path: '/products/oak-lamp',
      ...(kind === 'product_viewed' ? { productId: 'oak-lamp' } : {}),
      properties: {},
    })),
  );
}

/** Every report over the old day and over the whole seeded span, as the analyst reads them. */
async function reports() {
  const reportsOf = async (from: string, to: string) => {
    const range = { from, to };
    const client = analyst.client.analytics;
    return {
      sales: await client.salesReport.query({ ...range, interval: 'day' }),
      funnel: await client.funnelReport.query(range),
      products: await client.topProductsReport.query(range),
      categories: await client.topCategoriesReport.query(range),
      search: await client.searchReport.query(range),
      customers: await client.customersReport.query(range),
      carts: await client.abandonedCartsReport.query(range),
    };
  };
  // Not today: a report covering today rebuilds it first, which is not what is compared here.
  return [await reportsOf(oldDay, oldDay), await reportsOf(oldDay, amsterdamDay(recent))];
}

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'analytics']);
  ({ analyst } = await signInDemoAccounts(host.url, ['analyst']));
  await setRetentionDays(400);
  await seedEventsAt(old, returningAccount);
  await seedEventsAt(recent);
  await runRollups();
});
afterAll(async () => {
  await stopTestHosts(host);
});

describe('raw event retention', () => {
  it('deletes every raw event kind past the retention and keeps rollups and reports as they were', async () => {
    const { AnalyticsEvent, TrackedEvent, AnalyticsRollup, CustomerHistory } = await models();
    const before = await reports();
    const rollupsBefore = await AnalyticsRollup.find().sort({ _id: 1 }).lean();
    const historiesBefore = await CustomerHistory.find().sort({ _id: 1 }).lean();
    expect(before[0]!.sales.totals).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        current: expect.objectContaining({ orders: 1, revenueMinor: 3_000, refundsMinor: 500 }),
      }),
    ]);

    const oldDayEvents = {
      occurredAt: { $gte: new Date(old - dayMs), $lt: new Date(old + dayMs) },
    };
    expect((await AnalyticsEvent.distinct('name', oldDayEvents)).length).toBeGreaterThanOrEqual(5);
    // The demo data's own events are recorded events too: the old ones go with the seeded ones.
    const olderThan31Days = { occurredAt: { $lt: new Date(Date.now() - 31 * dayMs) } };
    const newerThan29Days = { occurredAt: { $gte: new Date(Date.now() - 29 * dayMs) } };
    const [oldRecorded, keptRecorded] = await Promise.all([
      AnalyticsEvent.countDocuments(olderThan31Days),
      AnalyticsEvent.countDocuments(newerThan29Days),
    ]);

    await setRetentionDays(30);
    const run = await runRollups();

    expect(run.deletedRecordedEvents).toBeGreaterThanOrEqual(oldRecorded);
    expect(run.deletedRawEvents).toBe(2);
    expect(await AnalyticsEvent.countDocuments(olderThan31Days)).toBe(0);
    expect(await AnalyticsEvent.countDocuments(oldDayEvents)).toBe(0);
    expect(await TrackedEvent.countDocuments(oldDayEvents)).toBe(0);
    expect(await AnalyticsEvent.countDocuments(newerThan29Days)).toBe(keptRecorded);
    // The recent ones of every kind stay (the demo data adds order.created and payments).
    expect(
      await AnalyticsEvent.distinct('name', { occurredAt: { $gte: new Date(recent) } }),
    ).toEqual(
      expect.arrayContaining([
        'auth/user.registered',
        'order/order.cancelled',
        'order/order.confirmed',
        'order/order.refunded',
        'search/search.performed',
      ]),
    );
    expect(await TrackedEvent.countDocuments({ occurredAt: { $gte: new Date(recent) } })).toBe(2);

    const oldRollups = (await AnalyticsRollup.find().sort({ _id: 1 }).lean()).filter((rollup) =>
      rollup.localStart.startsWith(oldDay),
    );
    expect(oldRollups).toEqual(
      rollupsBefore.filter((rollup) => rollup.localStart.startsWith(oldDay)),
    );
    expect(oldRollups.find((rollup) => rollup.granularity === 'day')?.totals).toMatchObject({
      orders: 1,
      searches: 1,
      signUps: 1,
      product_viewed: 1,
    });
    // The same order days (a run may rebuild a history: the overlap re-reads the last minute).
    const withoutRebuiltAt = (histories: { rebuiltAt?: Date }[]) =>
      histories.map(({ rebuiltAt: _rebuiltAt, ...history }) => history);
    expect(withoutRebuiltAt(await CustomerHistory.find().sort({ _id: 1 }).lean())).toEqual(
      withoutRebuiltAt(historiesBefore),
    );
    expect(await reports()).toEqual(before);
  });

  it('still counts a customer whose earlier orders were deleted as returning', async () => {
    await recordEvent(
      { id: randomUUID(), name: 'order/order.confirmed', ts: Date.now() - 60_000 },
      {
        totalMinor: 2_000,
        currency: 'EUR',
        itemCount: 1,
        lines: [],
        accountId: returningAccount,
      },
      { property: 'orderId', value: randomUUID() },
    );
    await runRollups();
    const today = amsterdamDay(Date.now() - 60_000);
    const report = await analyst.client.analytics.customersReport.query({
      from: today,
      to: today,
    });
    expect(report).toMatchObject({
      newCustomers: 0,
      returningCustomers: 1,
      returningCustomerOrders: 1,
    });
    const { CustomerHistory } = await models();
    const history = await CustomerHistory.findOne({ accountId: returningAccount }).lean();
    expect(history).toMatchObject({ firstOrderDay: oldDay, orderDays: [oldDay, today] });
  });
});
