import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { insertFixtureCatalog } from './support/search-fixtures';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';

let platform: HostWithExecutor;
let host: CellHost;

beforeAll(async () => {
  isolateTestDatabases();
  await insertFixtureCatalog();
  platform = await startHostWithExecutor(['search', 'analytics']);
  host = platform.host;
});
afterAll(() => platform?.stop());

async function recordedSearch(query: string) {
  const { AnalyticsEvent } = analyticsModels(await connectDomainDatabase('analytics'));
  return waitFor(
    () =>
      AnalyticsEvent.findOne({
        name: 'search/search.performed',
        'properties.query': query,
      }).lean(),
    { what: `the analytics row of the search for "${query}"`, intervalMs: 100 },
  );
}

it('records each search with its filters, result count and zero-result flag', async () => {
  const { createCellClient } = await import('../src/client');
  const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
  const filters = { category: 'home', brands: ['Lumen'], inStock: true };
  const answer = await client.search.query.query({ q: 'Lamp', filters, sort: 'price_asc' });
  expect(answer.totalCount).toBe(2);
  await client.search.query.query({ q: 'nothing-like-this' });

  expect(await recordedSearch('Lamp')).toMatchObject({
    source: 'search',
    properties: {
      query: 'Lamp',
      normalizedQuery: 'lamp',
      filters,
      sort: 'price_asc',
      page: 1,
      resultCount: 2,
      zeroResults: false,
    },
  });
  expect(await recordedSearch('nothing-like-this')).toMatchObject({
    properties: { filters: {}, resultCount: 0, zeroResults: true },
  });
});

/** Runs of the analytics cell's record-search function the executor shows (its latest 50). */
async function recordSearchRuns(): Promise<number> {
  const response = await fetch(platform.executor.url, { headers: { accept: 'application/json' } });
  const { runs } = (await response.json()) as { runs: { function_id: string }[] };
  return runs.filter((run) => run.function_id.endsWith('record-search')).length;
}

it('records a burst of searches in a run or two, not one run per search', async () => {
  const { createCellClient } = await import('../src/client');
  const client = createCellClient({ urlFor: () => `${host.url}/trpc` });
  const before = await recordSearchRuns();
  const queries = Array.from({ length: 12 }, (_, index) => `burst-${index}`);
  await Promise.all(queries.map((q) => client.search.query.query({ q })));
  for (const query of queries) await recordedSearch(query);
  // One batch, or two if the burst straddled a batch's 5 s window on a slow machine.
  expect((await recordSearchRuns()) - before).toBeLessThanOrEqual(2);
});
