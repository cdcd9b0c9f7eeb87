import { RetryAfterError } from 'inngest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalInngest } from '../src';
import { fastTuning, startExecutor } from './support/executor';
import { waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

describe('retries', () => {
  let executor: LocalInngest;
  let app: TestApp;
  const transient: { at: number; attempt: number }[] = [];
  const handlerAttempts: number[] = [];
  const retryAfter: number[] = [];

  beforeAll(async () => {
    executor = await startExecutor();
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'flaky-step', retries: 3, triggers: [{ event: 'shop/flaky' }] },
        async ({ step, attempt }) => {
          return step.run('call-carrier', () => {
            transient.push({ at: Date.now(), attempt });
            if (transient.length <= 2) throw new Error(`carrier timeout #${transient.length}`);
            return { label: 'LBL-1' };
          });
        },
      ),
      client.createFunction(
        { id: 'flaky-handler', retries: 2, triggers: [{ event: 'shop/flaky-handler' }] },
        async ({ attempt }) => {
          handlerAttempts.push(attempt);
          if (attempt === 0) throw new Error('database not ready');
          return { attempt };
        },
      ),
      client.createFunction(
        { id: 'rate-limited', retries: 1, triggers: [{ event: 'shop/rate-limited' }] },
        async ({ step }) =>
          step.run('call-api', () => {
            retryAfter.push(Date.now());
            if (retryAfter.length === 1) throw new RetryAfterError('slow down', '1s');
            return 'ok';
          }),
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  it("retries a step that fails twice on the engine's schedule (scaled), then succeeds", async () => {
    const { ids } = await app.client.send({ name: 'shop/flaky', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');

    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({ label: 'LBL-1' });
    expect(transient.map((call) => call.attempt)).toEqual([0, 1, 2]);
    const [first, second, third] = transient.map((call) => call.at);
    // 15 s then 30 s on the real engine, each plus up to 30 s of jitter.
    const scale = fastTuning.retryScale;
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(15_000 * scale - 5);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(30_000 * scale - 5);
  });

  it('retries the function when its own code throws outside any step', async () => {
    const { ids } = await app.client.send({ name: 'shop/flaky-handler', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({ attempt: 1 });
    expect(handlerAttempts).toEqual([0, 1]);
  });

  it('waits as long as RetryAfterError asks before retrying', async () => {
    const { ids } = await app.client.send({ name: 'shop/rate-limited', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Completed');
    expect(retryAfter).toHaveLength(2);
    expect((retryAfter[1] ?? 0) - (retryAfter[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });
});
