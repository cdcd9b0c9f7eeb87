import { waitFor } from '@shop/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { startExecutor, uniquePrefix } from './support/executor';
import { freePort } from './support/free-port';
import { waitUntilParked } from './support/parked';
import { sleep, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('restarting the executor mid-run', () => {
  const stoppers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stoppers.reverse()) await stop();
  });

  it('a new executor on the same database finishes sleeping, waiting and in-flight runs, running no step twice', async () => {
    const port = await freePort();
    const dbNamePrefix = uniquePrefix();
    const executorUrl = `http://127.0.0.1:${port}`;
    const counts = { before: 0, after: 0, prepare: 0, finish: 0, slow: 0, next: 0 };
    let slowStarted = false;

    const app: TestApp = await startTestApp(executorUrl, (client) => [
      client.createFunction(
        { id: 'sleepy', triggers: [{ event: 'shop/sleepy' }] },
        async ({ step }) => {
          await step.run('before', () => ++counts.before);
          await step.sleep('nap', '2s');
          return step.run('after', () => ++counts.after);
        },
      ),
      client.createFunction(
        { id: 'waiter', triggers: [{ event: 'shop/needs-approval' }] },
        async ({ event, step }) => {
          await step.run('prepare', () => ++counts.prepare);
          const approval = await step.waitForEvent('approval', {
            event: 'shop/approved',
            timeout: '30s',
            if: 'event.data.requestId == async.data.requestId',
          });
          return step.run('finish', () => {
            counts.finish++;
            return { approvedBy: approval?.data.by ?? null, requestId: event.data.requestId };
          });
        },
      ),
      client.createFunction(
        { id: 'slow', triggers: [{ event: 'shop/slow' }] },
        async ({ step }) => {
          await step.run('slow-step', async () => {
            slowStarted = true;
            await sleep(800);
            return ++counts.slow;
          });
          return step.run('next', () => ++counts.next);
        },
      ),
    ]);
    stoppers.push(() => app.stop());

    let executor: LocalInngest = await startExecutor({ port, dbNamePrefix });
    await app.sync();
    const [sleepy] = (await app.client.send({ name: 'shop/sleepy', data: {} })).ids;
    const [waiter] = (
      await app.client.send({ name: 'shop/needs-approval', data: { requestId: 'q-1' } })
    ).ids;
    // Park both runs, then start a slow step and stop while it is in flight.
    await waitUntilParked(dbNamePrefix, { sleep: 1, wait: 1 });
    const [slow] = (await app.client.send({ name: 'shop/slow', data: {} })).ids;
    await waitFor(() => slowStarted, { what: 'the slow step to start', intervalMs: 20 });
    await executor.stop();
    expect(counts.slow).toBe(1); // stop() let the in-flight step finish

    executor = await startExecutor({ port, dbNamePrefix });
    stoppers.push(() => executor.stop());
    await app.client.send({ name: 'shop/approved', data: { requestId: 'q-1', by: 'ops@shop' } });

    const runs = await Promise.all(
      [sleepy, waiter, slow].map((eventId) => waitForRunEnd(executorUrl, eventId ?? '')),
    );
    expect(runs.map((run) => run.status)).toEqual(['Completed', 'Completed', 'Completed']);
    expect(runs[1]?.output).toEqual({ approvedBy: 'ops@shop', requestId: 'q-1' });
    expect(counts).toEqual({ before: 1, after: 1, prepare: 1, finish: 1, slow: 1, next: 1 });
  });
});
