import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/store';
import { startExecutor } from './support/executor';
import { sleep, waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * A worker that loses its lease (it stalled past it, and another worker took the job over) must
 * not record what its call brings back: the new holder's call is the one that counts.
 */
describe('a lost lease', () => {
  let executor: Awaited<ReturnType<typeof startExecutor>>;
  let app: TestApp;
  let store: Store;
  let calls = 0;
  let entered = false;

  beforeAll(async () => {
    executor = await startExecutor({ tuning: { leaseMs: 600 } });
    store = await openStore(process.env.MONGODB_URI ?? '', executor.dbNamePrefix);
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'slow-label', triggers: [{ event: 'shop/label' }] },
        async ({ step }) =>
          step.run('print', async () => {
            const call = ++calls;
            entered = true;
            await sleep(1_200);
            return `call-${call}`;
          }),
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
    await store?.close();
  });

  it('abandons the call: its result is not recorded, the new holder runs the job', async () => {
    const { ids } = await app.client.send({ name: 'shop/label', data: {} });
    await waitFor(() => entered, { what: 'the step to start', timeoutMs: 10_000, intervalMs: 10 });
    // Another worker takes the job over, as if this executor had stalled past its lease.
    await store.jobs.updateMany(
      { kind: 'discover' },
      { $set: { leaseOwner: 'another-worker', leaseUntil: new Date(Date.now() + 800) } },
    );

    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    // That worker "dies" too; its lease runs out, the executor takes the job back and calls again.
    expect(run).toMatchObject({ status: 'Completed', output: 'call-2' });
    expect(calls).toBe(2);
  });
});
