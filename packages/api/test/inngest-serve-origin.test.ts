import { afterEach, expect, it } from 'vitest';
import { hostRules } from '../src/config/host';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { seededTestDatabases } from './support/test-host';

// One executor per file: the cells' Inngest clients read INNGEST_BASE_URL when they first load.
let running: HostWithExecutor | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** The serve URLs the executor registered, by app id (its overview, as JSON). */
async function registeredUrls(executorUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${executorUrl}/`, { headers: { accept: 'application/json' } });
  const { apps } = (await response.json()) as { apps: { id: string; url: string }[] };
  return Object.fromEntries(apps.map((app) => [app.id, app.url]));
}

it('a sync registers the configured service address, not the loopback address it was called on', async () => {
  await seededTestDatabases();
  const origin = 'http://review.shop.svc.cluster.local:4000';
  running = await startHostWithExecutor(['review'], { host: { inngestServeOrigin: origin } });
  expect(running.host.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  expect((await registeredUrls(running.executor.url))['shop-review']).toBe(
    `${origin}/api/inngest/review`,
  );
});

it('production refuses INNGEST_SYNC_ON_START without INNGEST_SERVE_ORIGIN', () => {
  const production = {
    NODE_ENV: 'production',
    CELLS: 'review',
    CELL_SERVICE_TOKEN: 'x'.repeat(40),
    INNGEST_SIGNING_KEY: 'signkey-prod-0123',
    INNGEST_SYNC_ON_START: '1',
  };
  const problem = (env: Record<string, string>) =>
    hostRules(env).filter((line) => line.startsWith('INNGEST_SERVE_ORIGIN'));
  expect(problem(production)).toHaveLength(1);
  expect(
    problem({ ...production, INNGEST_SERVE_ORIGIN: 'http://review.shop.svc.cluster.local:4000' }),
  ).toEqual([]);
  expect(problem({ ...production, INNGEST_SYNC_ON_START: '0' })).toEqual([]);
});
