import { afterAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { freePort } from './support/free-port';
import { sleep, waitForRunEnd } from './support/read-api';
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
});
