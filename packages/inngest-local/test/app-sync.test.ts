import { afterAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { freePort } from './support/free-port';
import { runsForEvent, sleep, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('syncing apps from configured URLs', () => {
  const stoppers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stoppers.reverse()) await stop();
  });

  it('keeps asking an app that starts after the executor until it syncs', async () => {
    const appPort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}/api/inngest`;
    const executor: LocalInngest = await startExecutor({ appUrls: [appUrl] });
    stoppers.push(() => executor.stop());

    await sleep(600); // a few refused attempts
    const app: TestApp = await startTestApp(
      executor.url,
      (client) => [
        client.createFunction({ id: 'late', triggers: [{ event: 'shop/late' }] }, async () => 'ok'),
      ],
      { port: appPort, appId: 'late-app' },
    );
    stoppers.push(() => app.stop());

    const deadline = Date.now() + 10_000;
    let apps: { id: string; functions: string[] }[] = [];
    while (Date.now() < deadline && apps.length === 0) {
      await sleep(100);
      const overview = await fetch(executor.url, { headers: { accept: 'application/json' } });
      apps = ((await overview.json()) as { apps: typeof apps }).apps;
    }
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
    await sleep(200);
    expect(await runsForEvent(executor.url, a.ids[0] ?? '')).toHaveLength(1);

    const b = await other.client.send({ name: 'shop/b', data: {} });
    expect(await waitForRunEnd(executor.url, b.ids[0] ?? '')).toMatchObject({ output: 'b' });
  });
});
