import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { derivedObjectId } from '@shop/db/claims';
import type { mongo } from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordEvent } from '../src/cells/analytics/record-event';
import type { CellHost } from '../src/host';
import { signInDemoAccounts, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// The analytics page asks for its seven reports at once, and a report covering today rebuilds
// today's rollup first when it is stale. Concurrent reports must share one rebuild. Rebuilds are
// counted as the database sees them: the driver's replace of today's day document, the write
// every rebuild ends with (rollup-builder.ts).

let host: CellHost;
let analyst: SignedIn;
let rollupCollection: string;
let todaysRollupId: string;
const rebuildsSeen: string[] = [];

const timeZone = 'Europe/Amsterdam';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/** Counts the database's `update` commands that replace today's day rollup. */
function countTodaysRebuilds(event: mongo.CommandStartedEvent): void {
  if (event.commandName !== 'update') return;
  const command = event.command as { update?: string; updates?: { q?: { _id?: unknown } }[] };
  if (command.update !== rollupCollection) return;
  for (const update of command.updates ?? []) {
    if (String(update.q?._id) === todaysRollupId) rebuildsSeen.push(event.databaseName);
  }
}

/** All seven reports of the page, at once, for a range holding today. */
function everyReport(day: string) {
  const days = { from: day, to: day };
  const reports = analyst.client.analytics;
  return Promise.all([
    reports.salesReport.query({ ...days, interval: 'day' }),
    reports.funnelReport.query(days),
    reports.topProductsReport.query(days),
    reports.topCategoriesReport.query(days),
    reports.searchReport.query(days),
    reports.customersReport.query(days),
    reports.abandonedCartsReport.query(days),
  ]);
}

async function recordOrderNow(totalMinor: number): Promise<void> {
  await recordEvent(
    { id: randomUUID(), name: 'order/order.confirmed', ts: Date.now() },
    { totalMinor, currency: 'EUR', itemCount: 1, lines: [] },
    { property: 'orderId', value: randomUUID() },
  );
}

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'analytics']);
  ({ analyst } = await signInDemoAccounts(host.url, ['analyst']));
  const connection = await connectDomainDatabase('analytics');
  const { AnalyticsRollup } = analyticsModels(connection);
  rollupCollection = AnalyticsRollup.collection.collectionName;
  // The host runs in this process on the same server connection, so its commands are seen here.
  connection.getClient().on('commandStarted', countTodaysRebuilds);
});
afterAll(async () => {
  await stopTestHosts(host);
});

it("builds today's rollup once for seven reports asked at once, and each report sees it", async () => {
  const day = today();
  todaysRollupId = String(derivedObjectId('analytics-rollup', `day:${timeZone}:${day}`));
  await recordOrderNow(2_500);
  const { AnalyticsRollup } = analyticsModels(await connectDomainDatabase('analytics'));
  expect(await AnalyticsRollup.countDocuments({ key: `day:${timeZone}:${day}` })).toBe(0);

  const [sales, funnel] = await everyReport(day);

  expect(rebuildsSeen).toHaveLength(1);
  expect(sales.totals.find((row) => row.currency === 'EUR')?.current.orders).toBe(1);
  expect(funnel.rows.find((row) => row.segment === 'all')?.orders).toBe(1);
});

it('rebuilds once more, for all of them, when today has gone stale since', async () => {
  const day = today();
  const { AnalyticsRollup } = analyticsModels(await connectDomainDatabase('analytics'));
  // As if the last rebuild were an hour old (the freshness limit is 30 s).
  await AnalyticsRollup.updateOne(
    { key: `day:${timeZone}:${day}` },
    { $set: { rebuiltAt: new Date(Date.now() - 3_600_000) } },
  );
  await recordOrderNow(1_500);
  const before = rebuildsSeen.length;

  const [sales] = await everyReport(day);

  expect(rebuildsSeen.length - before).toBe(1);
  expect(sales.totals.find((row) => row.currency === 'EUR')?.current.orders).toBe(2);

  // Fresh now: a report a moment later reads it as it is, with no rebuild.
  await everyReport(day);
  expect(rebuildsSeen.length - before).toBe(1);
});
