import { afterAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor } from './support/executor';
import { useReadAuthorization, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

const signingKey = `signkey-test-${'a1b2c3d4'.repeat(8)}`;
const otherKey = `signkey-test-${'0f'.repeat(32)}`;

describe('signed requests (an app in cloud mode, signature verification on)', () => {
  const stoppers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    useReadAuthorization(undefined);
    for (const stop of stoppers.reverse()) await stop();
  });

  it('signs calls the way the SDK verifies them, so a cloud-mode app runs its steps', async () => {
    const executor: LocalInngest = await startExecutor({ signingKey });
    stoppers.push(() => executor.stop());
    const app: TestApp = await startTestApp(
      executor.url,
      (client) => [
        client.createFunction(
          { id: 'signed', triggers: [{ event: 'shop/signed' }] },
          async ({ step }) => {
            const a = await step.run('a', () => 1);
            return step.run('b', () => a + 1);
          },
        ),
      ],
      { signingKey },
    );
    stoppers.push(() => app.stop());
    await app.sync();

    const { ids } = await app.client.send({ name: 'shop/signed', data: {} });
    useReadAuthorization(signingKey);
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run).toMatchObject({ status: 'Completed', output: 2 });
  });

  it('refuses to sync an app that presents another signing key', async () => {
    const executor: LocalInngest = await startExecutor({ signingKey });
    stoppers.push(() => executor.stop());
    const app: TestApp = await startTestApp(
      executor.url,
      (client) => [
        client.createFunction({ id: 'intruder', triggers: [{ event: 'x' }] }, async () => 1),
      ],
      { signingKey: otherKey },
    );
    stoppers.push(() => app.stop());
    await expect(app.sync()).rejects.toThrow(/signing key/);
  });
});
