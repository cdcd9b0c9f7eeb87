import { isolateTestDatabases, waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { request } from './support/http';
import {
  catalogModels,
  fixtureProducts,
  insertFixtureCatalog,
  productDocument,
} from './support/search-fixtures';
import { spawnHost, type SpawnedHost } from './support/spawn-host';
import { startTestHost, stopTestHosts } from './support/test-host';

/**
 * Two replicas of the search cell over one products_db: one in this process, one in its own
 * process (as a second pod would be). No events reach either (Inngest points nowhere), so what
 * keeps them fresh is each replica's own polling and reconciliation.
 */
let local: CellHost;
let remote: SpawnedHost;
const freshWithinMs = 15_000; // a generous bound, not a speed claim (the target is 5 s)

beforeAll(async () => {
  isolateTestDatabases(); // the spawned replica inherits the prefix
  await insertFixtureCatalog();
  local = await startTestHost(['search']);
  remote = await spawnHost({
    CELLS: 'search',
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: 'http://127.0.0.1:9',
    // Hard deletions are found only by reconciliation: make it frequent for this test.
    SEARCH_RECONCILE_INTERVAL_MS: '1000',
  });
});
afterAll(async () => {
  await remote?.stop();
  await stopTestHosts(local);
});

const replicas = () =>
  [local.url, remote.url].map((url) => createCellClient({ urlFor: () => `${url}/trpc` }));

async function slugsFor(client: ReturnType<typeof createCellClient>, q: string) {
  const answer = await client.search.query.query({ q });
  return answer.results.map((result) => result.slug);
}

/**
 * Waits until `seen` holds on every replica, up to the freshness bound; returns their answers
 * either way, so the caller's expectation shows what a stale replica still answers.
 */
async function untilEveryReplica(
  q: string,
  seen: (slugs: string[]) => boolean,
): Promise<string[][]> {
  let answers: string[][] = [];
  return waitFor(
    async () => {
      answers = await Promise.all(replicas().map((client) => slugsFor(client, q)));
      return answers.every(seen) && answers;
    },
    { what: `every replica's answer to "${q}"`, timeoutMs: freshWithinMs, intervalMs: 200 },
  ).catch(() => answers);
}

it('both replicas are ready and answer from the same catalog', async () => {
  await untilEveryReplica('walnut', (slugs) => slugs.length === 1);
  for (const url of [local.url, remote.url]) {
    expect((await request(`${url}/readyz`)).status).toBe(200);
  }
  for (const client of replicas()) {
    expect(await slugsFor(client, 'walnut')).toEqual(['walnut-side-table']);
  }
});

it('an edited product is found by its new name on every replica', async () => {
  const { Product } = await catalogModels();
  await Product.updateOne({ slug: 'oak-desk-lamp' }, { $set: { name: 'Oak Reading Lantern' } });
  const answers = await untilEveryReplica('lantern', (slugs) => slugs.includes('oak-desk-lamp'));
  expect(answers).toEqual([['oak-desk-lamp'], ['oak-desk-lamp']]);
});

it('an archived product disappears from every replica; a published one appears', async () => {
  const { Product } = await catalogModels();
  await Product.updateOne({ slug: 'brass-floor-lamp' }, { $set: { status: 'archived' } });
  const gone = await untilEveryReplica('brass', (slugs) => slugs.length === 0);
  expect(gone).toEqual([[], []]);

  await Product.updateOne({ slug: 'draft-reading-chair' }, { $set: { status: 'active' } });
  const appeared = await untilEveryReplica('chair', (slugs) => slugs.length === 1);
  expect(appeared).toEqual([['draft-reading-chair'], ['draft-reading-chair']]);

  const template = fixtureProducts.find((product) => product.slug === 'walnut-side-table')!;
  await Product.create(
    productDocument({ ...template, slug: 'cherry-side-table', name: 'Cherry Side Table' }),
  );
  const created = await untilEveryReplica('cherry', (slugs) => slugs.length === 1);
  expect(created).toEqual([['cherry-side-table'], ['cherry-side-table']]);
}, 60_000); // three changes waited for in turn, each with its own generous bound

it('reconciliation repairs what polling cannot see: a hard delete and a back-dated edit', async () => {
  const { Product } = await catalogModels();
  await Product.deleteOne({ slug: 'linen-lampshade' });
  // Written with an old updatedAt, as a writer with a badly wrong clock would: no poll reads it.
  await Product.updateOne(
    { slug: 'cotton-tee' },
    { $set: { name: 'Cotton Henley', updatedAt: new Date('2020-01-01') } },
    { timestamps: false },
  );

  // The in-process replica reconciles on request (its interval is the 5 minute default)...
  const { searchIndex } = await import('../src/cells/search/search-index');
  expect(await searchIndex.reconcileNow()).toBe(2);
  const [client] = replicas();
  expect(await slugsFor(client!, 'lampshade')).toEqual([]);
  expect(await slugsFor(client!, 'henley')).toEqual(['cotton-tee']);

  // ...the other process on its own short interval.
  const remoteClient = replicas()[1]!;
  let answers: string[][] = [];
  await waitFor(
    async () => {
      answers = await Promise.all(['lampshade', 'henley'].map((q) => slugsFor(remoteClient, q)));
      return answers[0]!.length === 0 && answers[1]!.length === 1;
    },
    { what: 'the remote replica to reconcile', timeoutMs: freshWithinMs, intervalMs: 200 },
  ).catch(() => undefined); // the expectation below shows what it still answers
  expect(answers).toEqual([[], ['cotton-tee']]);
});

it('a renamed category relabels its facet after the index rebuilds itself', async () => {
  const { Category } = await catalogModels();
  await Category.updateOne({ slug: 'lighting' }, { $set: { name: 'Lamps & Lights' } });
  let labels: (string | undefined)[] = [];
  await waitFor(
    async () => {
      labels = await Promise.all(
        replicas().map(async (client) => {
          const answer = await client.search.query.query({ filters: { category: 'lighting' } });
          return answer.facets
            .find((facet) => facet.key === 'category')
            ?.values.find((value) => value.value === 'lighting')?.label;
        }),
      );
      return labels.every((label) => label === 'Lamps & Lights');
    },
    { what: 'every replica to relabel the facet', timeoutMs: freshWithinMs, intervalMs: 200 },
  ).catch(() => undefined); // the expectation below shows the labels still served
  expect(labels).toEqual(['Lamps & Lights', 'Lamps & Lights']);
});
