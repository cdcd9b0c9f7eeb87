import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { bearer } from './support/http';
import { loginAs } from './support/login';
import { merchandisingTestDatabases } from './support/merchandising-fixtures';
import { spawnHost, type SpawnedHost } from './support/spawn-host';
import { startTestHost, stopTestHosts } from './support/test-host';

/**
 * Two replicas of the search cell over one search_db: one in this process (which takes the staff
 * write), one in its own process as a second pod. No event reaches the other (Inngest points
 * nowhere): what carries the change is its poll of the rules' version.
 */
let local: CellHost;
let remote: SpawnedHost;
const withinMs = 15_000; // a generous bound on slow machines, not a speed claim (1 s poll)

beforeAll(async () => {
  await merchandisingTestDatabases(); // the spawned replica inherits the database prefix
  local = await startTestHost(['auth', 'search']);
  remote = await spawnHost({
    CELLS: 'search',
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: 'http://127.0.0.1:9',
  });
});
afterAll(async () => {
  await remote?.stop();
  await stopTestHosts(local);
});

const remoteClient = () => createCellClient({ urlFor: () => `${remote.url}/trpc` });

async function remoteAnswer(q: string) {
  return waitFor(
    () =>
      remoteClient()
        .search.query.query({ q })
        .catch(() => undefined),
    {
      what: `the second replica's answer to "${q}"`,
      timeoutMs: withinMs,
    },
  );
}

it('a rule saved on one replica reaches the other within seconds, and so does its removal', async () => {
  const token = await loginAs(local.url, 'catalog@example.com');
  const staff = createCellClient({
    urlFor: () => `${local.url}/trpc`,
    headers: () => bearer(token),
  });
  expect((await remoteAnswer('couch')).results.map((result) => result.slug)).toEqual([
    'corner-couch',
  ]);

  const saved = await staff.search.saveSynonym.mutate({
    direction: 'one-way',
    terms: ['couch', 'sofa'],
  });
  await staff.search.saveRedirect.mutate({ query: 'returns', url: '/help/returns' });
  const found = await waitFor(
    async () => {
      const [couch, returns] = await Promise.all([
        remoteClient().search.query.query({ q: 'couch' }),
        remoteClient().search.query.query({ q: 'returns' }),
      ]);
      const slugs = couch.results.map((result) => result.slug).sort();
      return (
        slugs.length === 2 && returns.redirect !== null && { slugs, redirect: returns.redirect }
      );
    },
    { what: 'the synonym and the redirect on the second replica', timeoutMs: withinMs },
  );
  expect(found).toEqual({ slugs: ['corner-couch', 'linen-sofa'], redirect: '/help/returns' });

  await staff.search.deleteSynonym.mutate({ id: saved.after!.id });
  const removed = await waitFor(
    async () => {
      const couch = await remoteClient().search.query.query({ q: 'couch' });
      return couch.results.length === 1 && couch.results.map((result) => result.slug);
    },
    { what: 'the synonym gone from the second replica', timeoutMs: withinMs },
  );
  expect(removed).toEqual(['corner-couch']);
}, 60_000);
