import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExecutor } from './support/executor';
import { waitUntilParked } from './support/parked';
import { waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The real engine's rule for parallel steps (executor.go `shouldEnqueueDiscovery`): steps the SDK
 * reports together are pending together, and the function is called again only once all of them
 * have ended, unless a step is in race mode (`group.parallel({ mode: 'race' })`).
 */
describe('parallel steps: wait for all, or race', () => {
  let executor: Awaited<ReturnType<typeof startExecutor>>;
  let app: TestApp;
  const resumedAt: Record<string, number> = {};

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => {
      const waits = (step: Parameters<Parameters<typeof client.createFunction>[1]>[0]['step']) =>
        [
          step.waitForEvent('paid', { event: 'shop/paid', timeout: '2s', match: 'data.orderId' }),
          step.waitForEvent('failed', {
            event: 'shop/failed',
            timeout: '2s',
            match: 'data.orderId',
          }),
        ] as const;
      return [
        client.createFunction(
          { id: 'plain-race', triggers: [{ event: 'shop/plain-race' }] },
          async ({ step, event }) => {
            const woken = await Promise.race(waits(step));
            await step.run('after-race', () => {
              resumedAt[event.data.orderId as string] ??= Date.now();
            });
            return woken?.name ?? null;
          },
        ),
        client.createFunction(
          { id: 'race-then-step', triggers: [{ event: 'shop/race-then-step' }] },
          async ({ step, group, event }) => {
            const woken = await group.parallel({ mode: 'race' }, () => Promise.race(waits(step)));
            await step.run('after-race', () => {
              resumedAt[event.data.orderId as string] ??= Date.now();
            });
            return woken?.name ?? null;
          },
        ),
      ];
    });
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it('without race mode, a plain Promise.race resumes only when every parallel wait has ended', async () => {
    const { ids } = await app.client.send({ name: 'shop/plain-race', data: { orderId: 'p-1' } });
    await waitUntilParked(executor.dbNamePrefix, { wait: 2 });
    const paidAt = Date.now();
    await app.client.send({ name: 'shop/paid', data: { orderId: 'p-1' } });

    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    // The race settles on the paid event, but only after the other wait's 2 s timeout.
    expect(run).toMatchObject({ status: 'Completed', output: 'shop/paid' });
    expect((resumedAt['p-1'] ?? 0) - paidAt).toBeGreaterThan(1_000);
  });

  it('in race mode, the first event resumes the function at once, but it cannot end while a losing wait is open', async () => {
    // The race resolves at once and the next step runs. But the SDK reports the unfinished
    // losing wait again with that step (and, when the function returns, instead of returning:
    // the `function-resolved` handler in the SDK's execution/engine.js), so the run only ends
    // once the losing wait has ended too.
    const { ids } = await app.client.send({
      name: 'shop/race-then-step',
      data: { orderId: 's-1' },
    });
    await waitUntilParked(executor.dbNamePrefix, { wait: 2 });
    const paidAt = Date.now();
    await app.client.send({ name: 'shop/paid', data: { orderId: 's-1' } });

    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run).toMatchObject({ status: 'Completed', output: 'shop/paid' });
    expect((resumedAt['s-1'] ?? 0) - paidAt).toBeLessThan(1_000);
    expect(Date.parse(run.ended_at ?? '') - paidAt).toBeGreaterThan(1_000);
  });
});
