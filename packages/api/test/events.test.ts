import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seedFileDatabases } from './support/seed-file-databases';

let platform: HostWithExecutor;
let host: CellHost;

beforeAll(async () => {
  await seedFileDatabases(); // the executor's state and the cells' data both get this file's prefix
  // The host registers its own endpoints with the executor (the INNGEST_SYNC_ON_START path).
  platform = await startHostWithExecutor(['auth', 'product', 'search', 'analytics']);
  host = platform.host;
});
afterAll(() => platform?.stop());

it('a search becomes an analytics row: search -> event -> executor -> analytics function', async () => {
  const query = `Lamp ${Date.now()}`;
  const response = await fetch(
    `${host.url}/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ q: query }))}`,
  );
  expect(response.status).toBe(200);
  // The number that no product has is dropped ("showing results for lamp"): lamps are found, and
  // the row records what the shopper was shown.
  const answer = (await response.json()) as { result: { data: { totalCount: number } } };
  const shown = answer.result.data.totalCount;
  expect(shown).toBeGreaterThan(0);

  const { AnalyticsEvent } = analyticsModels(await connectDomainDatabase('analytics'));
  const row = await waitFor(
    () =>
      AnalyticsEvent.findOne({ name: 'search/search.performed', 'properties.query': query }).lean(),
    { what: `the analytics row of the search for "${query}"`, intervalMs: 100 },
  );

  expect(row).toMatchObject({
    source: 'search',
    properties: {
      query,
      normalizedQuery: query.toLowerCase(),
      resultCount: shown,
      zeroResults: false,
    },
  });

  // The staff dashboard now counts it among the top searches.
  const { loginAs } = await import('./support/login');
  const { createCellClient } = await import('../src/client');
  const token = await loginAs(host.url, 'analyst@example.com');
  const staff = createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => ({ authorization: `Bearer ${token}` }),
  });
  const summary = await staff.analytics.summary.query();
  expect(summary.eventsLast24h).toBeGreaterThan(0);
  expect(summary.topSearches).toContainEqual({ query: query.toLowerCase(), count: 1 });
});
