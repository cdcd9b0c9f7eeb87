import { waitFor } from '@shop/db/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { freePort } from './support/free-port';
import { runsForEvent, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('syncing apps from configured URLs', () => {
  const stoppers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stoppers.reverse()) await stop();
  });

  it('keeps asking an app that starts after the executor until it syncs', async () => {
    const appPort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}/api/inngest`;
    // The executor's log says when it was refused: wait for a few refusals, not a guessed delay.
    const refusals: number[] = [];
    const logger = pino(
      { level: 'debug' },
      {
        write(line: string) {
          const entry = JSON.parse(line) as { msg?: string; failures?: number };
          if (entry.msg === 'app did not sync yet; will retry') refusals.push(entry.failures ?? 0);
        },
      },
    );
    const executor: LocalInngest = await startExecutor({ appUrls: [appUrl], logger });
    stoppers.push(() => executor.stop());

    await waitFor(() => refusals.length >= 2, { what: 'two refused sync attempts' });
    const app: TestApp = await startTestApp(
      executor.url,
      (client) => [
        client.createFunction({ id: 'late', triggers: [{ event: 'shop/late' }] }, async () => 'ok'),
      ],
      { port: appPort, appId: 'late-app' },
    );
    stoppers.push(() => app.stop());

    const apps = await waitFor(
      async () => {
        const overview = await fetch(executor.url, { headers: { accept: 'application/json' } });
        const { apps: synced } = (await overview.json()) as {
          apps: { id: string; functions: string[] }[];
        };
        return synced.length > 0 && synced;
      },
      { what: 'the late app to be synced by the executor' },
    );
    expect(apps).toEqual([
      expect.objectContaining({ id: 'late-app', functions: ['late-app-late'] }),
    ]);

    const { ids } = await app.client.send({ name: 'shop/late', data: {} });
    expect(await waitForRunEnd(executor.url, ids[0] ?? '')).toMatchObject({
      status: 'Completed',
      output: 'ok',
    });
  });

  it("replaces only the re-synced app's functions", async () => {
    const executor: LocalInngest = await startExecutor();
    stoppers.push(() => executor.stop());
    const v1: TestApp = await startTestApp(
      executor.url,
      (client) => [
        client.createFunction({ id: 'old', triggers: [{ event: 'shop/a' }] }, async () => 'old'),
      ],
      { appId: 'app-a' },
    );
    const other: TestApp = await startTestApp(
      executor.url,
      (client) => [
        client.createFunction({ id: 'b', triggers: [{ event: 'shop/b' }] }, async () => 'b'),
      ],
      { appId: 'app-b' },
    );
    stoppers.push(
      () => v1.stop(),
      () => other.stop(),
    );
    await v1.sync();
    await other.sync();

    // A new deploy of app-a: same app id, different functions.
    const v2: TestApp = await startTestApp(
      executor.url,
      (client) => [
        client.createFunction({ id: 'new', triggers: [{ event: 'shop/a' }] }, async () => 'new'),
      ],
      { appId: 'app-a' },
    );
    stoppers.push(() => v2.stop());
    await v2.sync();

    const a = await v2.client.send({ name: 'shop/a', data: {} });
    const ranA = await waitForRunEnd(executor.url, a.ids[0] ?? '');
    expect(ranA).toMatchObject({ function_id: 'app-a-new', output: 'new' });

    const b = await other.client.send({ name: 'shop/b', data: {} });
    expect(await waitForRunEnd(executor.url, b.ids[0] ?? '')).toMatchObject({ output: 'b' });
    // Events fan out in order: with shop/b's run ended, any run of the old function for shop/a
    // would exist by now.
    expect(await runsForEvent(executor.url, a.ids[0] ?? '')).toHaveLength(1);
  });
});
