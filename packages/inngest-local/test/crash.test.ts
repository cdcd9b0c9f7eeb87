import { waitFor } from '@shop/db/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor, uniquePrefix } from './support/executor';
import { freePort } from './support/free-port';
import { waitUntilParked } from './support/parked';
import { waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('an executor killed with SIGKILL', () => {
  const stoppers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stoppers.reverse()) await stop();
  });

  it('leaves nothing behind that a fresh executor cannot finish', async () => {
    const port = await freePort();
    const dbNamePrefix = uniquePrefix();
    const executorUrl = `http://127.0.0.1:${port}`;
    const counts = { before: 0, after: 0 };

    const app: TestApp = await startTestApp(executorUrl, (client) => [
      client.createFunction({ id: 'nap', triggers: [{ event: 'shop/nap' }] }, async ({ step }) => {
        await step.run('before', () => ++counts.before);
        await step.sleep('nap', '2s');
        return step.run('after', () => ++counts.after);
      }),
    ]);
    stoppers.push(() => app.stop());

    // The CLI, as `pnpm --filter @shop/inngest-local start` runs it, in its own process.
    const cli: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageDir,
      env: {
        ...process.env,
        PORT: String(port),
        MONGODB_DB_PREFIX: dbNamePrefix,
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    stoppers.push(async () => void cli.kill('SIGKILL'));
    await waitForHealth(executorUrl);
    await app.sync();

    const [eventId] = (await app.client.send({ name: 'shop/nap', data: {} })).ids;
    // Kill it while the run is parked on its sleep and no call is in flight: a call in flight
    // would only come back once the dead process's lease expired (30 s by default).
    await waitUntilParked(dbNamePrefix, { sleep: 1 });
    expect(counts.before).toBe(1);
    cli.kill('SIGKILL');
    await new Promise((resolve) => cli.once('exit', resolve));

    const executor: LocalInngest = await startExecutor({ port, dbNamePrefix });
    stoppers.push(() => executor.stop());
    const run = await waitForRunEnd(executorUrl, eventId ?? '');
    expect(run).toMatchObject({ status: 'Completed', output: 1 });
    expect(counts).toEqual({ before: 1, after: 1 });
  });
});

async function waitForHealth(url: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    () =>
      fetch(`${url}/health`).then(
        (response) => response.ok,
        () => false,
      ),
    { what: `the executor at ${url} to answer /health`, timeoutMs },
  );
}
