import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRollups } from '../src/cells/analytics/rollup-schedule';
import type { CellHost } from '../src/host';
import { clientOf, signInDemoAccounts, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { batchOf } from './support/tracking-fixtures';

// `review_written`: the storefront's review form reports a saved review (write-review.tsx), the
// events route forwards it to analytics.ingestEvents, the rollup counts it per product, and the
// top products report shows it. Any broken link (the event kind refused by the zod input, not
// stored, or not counted) fails this test.

let host: CellHost;
let analyst: SignedIn;

const localToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'analytics']);
  ({ analyst } = await signInDemoAccounts(host.url, ['analyst']));
});
afterAll(async () => {
  await stopTestHosts(host);
});

describe('review_written', () => {
  it('reaches analytics and counts once per review in the top products report', async () => {
    const now = Date.now();
    const batch = batchOf([
      {
        kind: 'product_viewed',
        at: now - 3_000,
        path: '/products/oak-lamp',
        productId: 'oak-lamp',
      },
      { kind: 'review_written', at: now - 2_000, productId: 'oak-lamp' },
      { kind: 'review_written', at: now - 1_000, productId: 'linen-throw' },
    ]);
    const shopper = clientOf(host.url);
    await expect(shopper.analytics.ingestEvents.mutate(batch)).resolves.toEqual({
      accepted: 3,
      duplicates: 0,
    });
    // The beacon retried: stored once, counted once.
    await expect(shopper.analytics.ingestEvents.mutate(batch)).resolves.toMatchObject({
      accepted: 0,
    });
    await runRollups();

    const today = localToday();
    const report = await analyst.client.analytics.topProductsReport.query({
      from: today,
      to: today,
    });
    expect(report.mostViewed.find((row) => row.product === 'oak-lamp')).toMatchObject({
      views: 1,
      reviewsWritten: 1,
    });
    // Reviewed without a view in the range: still listed, with its review.
    expect(report.mostViewed.find((row) => row.product === 'linen-throw')).toMatchObject({
      views: 0,
      reviewsWritten: 1,
    });
  }, 120_000);

  it('refuses a review_written without its product (400), so nothing half-known is counted', async () => {
    const batch = batchOf([{ kind: 'review_written', at: Date.now() } as never]);
    await expect(clientOf(host.url).analytics.ingestEvents.mutate(batch)).rejects.toMatchObject({
      data: { httpStatus: 400 },
    });
  });
});
